// psutil's exceptions, plus the failures of system reads, as one hierarchy
// with a stable string `code` that callers (and the app's transport) switch on.

export const ERROR_CODES = {
  NOT_FOUND: 'NOT_FOUND',
  ACCESS_DENIED: 'ACCESS_DENIED',
  IO_ERROR: 'IO_ERROR',
  PARSE_ERROR: 'PARSE_ERROR',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  NO_SUCH_PROCESS: 'NO_SUCH_PROCESS',
  ZOMBIE_PROCESS: 'ZOMBIE_PROCESS',
  TIMEOUT_EXPIRED: 'TIMEOUT_EXPIRED',
  UNSUPPORTED: 'UNSUPPORTED',
  INVALID_FILE: 'INVALID_FILE',
  NOT_LIVE: 'NOT_LIVE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** Where a failed read happened, when the native side knows. */
export interface ErrorDetails {
  /** The file that could not be read or parsed. */
  path?: string;
  /** errno of the failing system call (positive, as in Python's OSError). */
  errno?: number;
  cause?: unknown;
}

export class ProcyonError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly errno: number | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.path = details.path;
    this.errno = details.errno;
  }
}

// psutil's Error._infodict formatting: "(pid=1, name='x')".
function describe(fields: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => (typeof value === 'string' ? `${key}='${value}'` : `${key}=${value}`));
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** psutil.NoSuchProcess: the process no longer exists. */
export class NoSuchProcess extends ProcyonError {
  readonly pid: number;
  readonly processName: string | null;

  constructor(pid: number, name: string | null = null, message?: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.NO_SUCH_PROCESS, message ?? `process no longer exists ${describe({ pid, name })}`, details);
    this.pid = pid;
    this.processName = name;
  }
}

/** psutil.ZombieProcess: the process exists but is a zombie (a NoSuchProcess, as in psutil). */
export class ZombieProcess extends NoSuchProcess {
  override readonly code: ErrorCode = ERROR_CODES.ZOMBIE_PROCESS;
  readonly ppid: number | null;

  constructor(pid: number, name: string | null = null, ppid: number | null = null, message?: string, details: ErrorDetails = {}) {
    super(pid, name, message ?? `process still exists but it's a zombie ${describe({ pid, name, ppid })}`, details);
    this.ppid = ppid;
  }
}

/** psutil.AccessDenied: permission denied, for a process (pid set) or a system file (path set). */
export class AccessDenied extends ProcyonError {
  readonly pid: number | null;
  readonly processName: string | null;

  constructor(pid: number | null = null, name: string | null = null, message?: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.ACCESS_DENIED, message ?? `access denied ${describe({ pid, name })}`.trimEnd(), details);
    this.pid = pid;
    this.processName = name;
  }
}

/** psutil.TimeoutExpired: a wait timed out while the process was still alive. */
export class TimeoutExpired extends ProcyonError {
  readonly seconds: number;
  readonly pid: number | null;
  readonly processName: string | null;

  constructor(seconds: number, pid: number | null = null, name: string | null = null, message?: string) {
    super(ERROR_CODES.TIMEOUT_EXPIRED, message ?? `timeout after ${seconds} seconds ${describe({ pid, name })}`.trimEnd());
    this.seconds = seconds;
    this.pid = pid;
    this.processName = name;
  }
}

/** A file the call needs does not exist under the procfs/sysfs root. */
export class NotFound extends ProcyonError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.NOT_FOUND, message, details);
  }
}

/** An argument had the wrong type or value. */
export class InvalidArgument extends ProcyonError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.INVALID_ARGUMENT, message, details);
  }
}

/** A read failed for a reason other than absence or permission. */
export class IoError extends ProcyonError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.IO_ERROR, message, details);
  }
}

/** A file was read but its contents are not what the kernel writes. */
export class ParseError extends ProcyonError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.PARSE_ERROR, message, details);
  }
}

/** The platform has no implementation of the call; see capabilities(). */
export class Unsupported extends ProcyonError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.UNSUPPORTED, message, details);
  }
}

/**
 * A path is not the kind of file expected there: a FIFO, socket, device or
 * directory where a regular /proc or /sys file belongs (a captured tree can
 * hold anything). Refused before any read, so it can never block; `path` names it.
 */
export class InvalidFile extends ProcyonError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.INVALID_FILE, message, details);
  }
}

/**
 * An action (signal, renice, ionice, affinity, rlimit) was asked while the
 * roots are not this machine's live /proc and /sys: the tree's pids are not this
 * machine's processes, so nothing is touched. `path` names the root.
 */
export class NotLive extends ProcyonError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ERROR_CODES.NOT_LIVE, message, details);
  }
}

// The shape src/binding/js_error.cc gives native errors.
interface NativeErrorShape {
  message: string;
  code: ErrorCode;
  path?: unknown;
  errno?: unknown;
  pid?: unknown;
  ppid?: unknown;
  processName?: unknown;
  seconds?: unknown;
}

function isNativeError(err: unknown): err is NativeErrorShape & Error {
  return err instanceof Error && !(err instanceof ProcyonError) && isErrorCode((err as { code?: unknown }).code);
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Turns what the addon threw or rejected with into the matching ProcyonError
 * subclass. The only converter: every native call is wrapped by lib/native.ts,
 * which routes failures through here. Anything else is returned unchanged.
 */
export function fromNative(err: unknown): unknown {
  if (!isNativeError(err)) return err;
  const details: ErrorDetails = { cause: err };
  const path = asString(err.path);
  const errno = asNumber(err.errno);
  if (path !== null) details.path = path;
  if (errno !== null) details.errno = errno;
  const pid = asNumber(err.pid);
  const name = asString(err.processName);

  switch (err.code) {
    case ERROR_CODES.NOT_FOUND:
      return new NotFound(err.message, details);
    case ERROR_CODES.ACCESS_DENIED:
      return new AccessDenied(pid, name, err.message, details);
    case ERROR_CODES.IO_ERROR:
      return new IoError(err.message, details);
    case ERROR_CODES.PARSE_ERROR:
      return new ParseError(err.message, details);
    case ERROR_CODES.INVALID_ARGUMENT:
      return new InvalidArgument(err.message, details);
    case ERROR_CODES.NO_SUCH_PROCESS:
      return new NoSuchProcess(pid ?? -1, name, err.message, details);
    case ERROR_CODES.ZOMBIE_PROCESS:
      return new ZombieProcess(pid ?? -1, name, asNumber(err.ppid), err.message, details);
    case ERROR_CODES.TIMEOUT_EXPIRED:
      return new TimeoutExpired(asNumber(err.seconds) ?? 0, pid, name, err.message);
    case ERROR_CODES.UNSUPPORTED:
      return new Unsupported(err.message, details);
    case ERROR_CODES.INVALID_FILE:
      return new InvalidFile(err.message, details);
    case ERROR_CODES.NOT_LIVE:
      return new NotLive(err.message, details);
  }
}
