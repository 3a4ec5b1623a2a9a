/**
 * Words for the psutil field names the process details show (our payload
 * carries them in camelCase: childrenUser, readCount, vms). The page shows the
 * words; psutil's own name (snake_case) goes in the tooltip, for people who
 * know it or script against it. A name not listed here shows as it is.
 */
const WORDS: Record<string, string> = {
  // memory_full_info() / memory_info()
  rss: 'Resident',
  vms: 'Virtual',
  shared: 'Shared',
  text: 'Code',
  lib: 'Libraries',
  data: 'Data + stack',
  dirty: 'Dirty',
  uss: 'Unique',
  pss: 'Proportional',
  swap: 'Swapped out',
  // cpu_times()
  user: 'User',
  system: 'System',
  childrenUser: 'Children, user',
  childrenSystem: 'Children, system',
  iowait: 'Waiting for I/O',
  // io_counters()
  readCount: 'Reads',
  writeCount: 'Writes',
  readBytes: 'Read from storage',
  writeBytes: 'Written to storage',
  readChars: 'Read (all sources)',
  writeChars: 'Written (all sources)',
  otherCount: 'Other operations',
  otherBytes: 'Other transferred',
  // memory_info() on Windows
  numPageFaults: 'Page faults',
  peakWset: 'Peak working set',
  wset: 'Working set',
  peakPagedPool: 'Peak paged pool',
  pagedPool: 'Paged pool',
  peakNonpagedPool: 'Peak non-paged pool',
  nonpagedPool: 'Non-paged pool',
  pagefile: 'Committed (pagefile)',
  peakPagefile: 'Peak committed',
  private: 'Private',
  // threads()
  id: 'Thread ID',
  userTime: 'User time',
  systemTime: 'System time',
  // open_files()
  path: 'Path',
  fd: 'Descriptor',
  position: 'Offset',
  mode: 'Mode',
  flags: 'Flags',
  // net_connections()
  family: 'Family',
  type: 'Type',
  laddr: 'Local address',
  raddr: 'Remote address',
  status: 'State',
  // memory_maps(grouped=True)
  size: 'Size',
  sharedClean: 'Shared clean',
  sharedDirty: 'Shared dirty',
  privateClean: 'Private clean',
  privateDirty: 'Private dirty',
  referenced: 'Referenced',
  anonymous: 'Anonymous',
};

/** psutil's spelling of a field: childrenUser → children_user. */
export function psutilName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

// An io_counters record without read_chars (Windows') counts every read and
// write, files, network and devices alike: its bytes are not storage's alone.
const WITHOUT_CHARS: Record<string, string> = { readBytes: 'Read', writeBytes: 'Written' };

/** Words for a field (of `record`, where the words depend on its siblings), or the field itself when there are none. */
export function fieldWords(field: string, record?: Readonly<Record<string, unknown>>): string {
  if (record && !('readChars' in record) && field in WITHOUT_CHARS) return WITHOUT_CHARS[field]!;
  return WORDS[field] ?? field;
}

/** Whether an io_counters record counts all I/O (Windows'), not the storage layer's (Linux's readBytes). */
export const countsAllIo = (record: unknown) => typeof record === 'object' && record !== null && 'otherBytes' in record;
