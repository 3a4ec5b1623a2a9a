import { useMonitor } from '../store/context';
import { CpuPanel } from './CpuPanel';
import { MemoryPanel } from './MemoryPanel';

export function Dashboard() {
  // Dim the last values while the link is down so nobody mistakes them for live ones.
  const stale = useMonitor((s) => s.connection !== 'open');
  return (
    <div className={stale ? 'dashboard stale' : 'dashboard'}>
      <CpuPanel />
      <MemoryPanel />
    </div>
  );
}
