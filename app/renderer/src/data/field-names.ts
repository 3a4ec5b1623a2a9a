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

/** Words for a field, or the field itself when there are none. */
export function fieldWords(field: string): string {
  return WORDS[field] ?? field;
}
