/**
 * open(2) flags as Linux numbers them (asm-generic/fcntl.h, the values of
 * x86, arm64 and riscv), for psutil's open_files()[].flags. One table: the
 * decoder, the tooltip and the test all read it.
 */
export const LINUX_OPEN_FLAGS: readonly (readonly [name: string, value: number])[] = [
  ['O_CREAT', 0o100],
  ['O_EXCL', 0o200],
  ['O_NOCTTY', 0o400],
  ['O_TRUNC', 0o1000],
  ['O_APPEND', 0o2000],
  ['O_NONBLOCK', 0o4000],
  ['O_DSYNC', 0o10000],
  ['O_ASYNC', 0o20000],
  ['O_DIRECT', 0o40000],
  ['O_LARGEFILE', 0o100000],
  ['O_DIRECTORY', 0o200000],
  ['O_NOFOLLOW', 0o400000],
  ['O_NOATIME', 0o1000000],
  ['O_CLOEXEC', 0o2000000],
  // O_SYNC is __O_SYNC | O_DSYNC: named whole when both are set.
  ['__O_SYNC', 0o4000000],
  ['O_PATH', 0o10000000],
  ['__O_TMPFILE', 0o20000000],
];

/** The access mode is a 2-bit number, not a flag. */
const ACCESS = ['O_RDONLY', 'O_WRONLY', 'O_RDWR'] as const;

/** 557057 → "O_WRONLY|O_LARGEFILE|O_CLOEXEC"; bits no name covers stay as one octal number. */
export function decodeOpenFlags(flags: number): string {
  if (!Number.isInteger(flags) || flags < 0) return String(flags);
  const names: string[] = [ACCESS[flags & 0o3] ?? `O_ACCMODE(${flags & 0o3})`];
  let rest = flags & ~0o3;
  const sync = 0o4000000 | 0o10000;
  if ((rest & sync) === sync) {
    names.push('O_SYNC');
    rest &= ~sync;
  }
  for (const [name, value] of LINUX_OPEN_FLAGS) {
    if (rest & value) {
      names.push(name);
      rest &= ~value;
    }
  }
  if (rest) names.push(`0o${rest.toString(8)}`);
  return names.join('|');
}
