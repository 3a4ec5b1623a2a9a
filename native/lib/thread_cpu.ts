import { binding } from './native';

/**
 * Beyond psutil: the calling thread's CPU time in seconds
 * (CLOCK_THREAD_CPUTIME_ID), null where the platform has no such clock. The
 * difference across a block of JS is what the block cost the thread, however
 * long the machine kept it waiting; wall time counts that wait too.
 */
export function threadCpuTime(): number | null {
  return binding.threadCpuTime();
}
