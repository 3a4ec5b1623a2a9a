// Error codes that cross the transport. Stable strings: the UI switches on them.

export const API_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_OPERATION',
  'READ_ONLY',
  'CONFIRMATION_REQUIRED',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'NO_SUCH_PROCESS',
  'ZOMBIE_PROCESS',
  'ACCESS_DENIED',
  'TIMEOUT_EXPIRED',
  'UNSUPPORTED',
  /** An action while the host reads a captured tree (--procfs): its pids are not this machine's processes. */
  'NOT_LIVE',
  'UNAVAILABLE',
  /** Another writer saved a different change to the same thing (two hosts sharing one settings file): nothing was saved. */
  'CONFLICT',
  /** This client already has as many calls running and waiting as it may (limits.ts): retry after one answers. */
  'BUSY',
  /** The answer would exceed the message budget (limits.ts). */
  'TOO_LARGE',
  /** The host runs but its native collector failed to load: nothing can be read. */
  'ADDON_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
  /** Per-field problems for INVALID_ARGUMENT: `path` is a dotted path into the request. */
  issues?: { path: string; message: string }[];
}

/** What every MonitorApi operation rejects with, in every transport. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;

  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.issues = payload.issues;
  }

  toPayload(): ApiErrorPayload {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** The envelope every transport carries a reply in, so errors keep their code across IPC and WebSocket. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/**
 * Rebuilds an ApiError from whatever a transport rejected with: an ApiError, a
 * plain payload object (what crosses Electron's contextBridge intact), or
 * anything else (reported as INTERNAL).
 */
export function toApiError(value: unknown): ApiError {
  if (value instanceof ApiError) return value;
  if (typeof value === 'object' && value !== null) {
    const v = value as { code?: unknown; message?: unknown; issues?: unknown };
    if (isApiErrorCode(v.code) && typeof v.message === 'string') {
      const issues = Array.isArray(v.issues) ? (v.issues as { path: string; message: string }[]) : undefined;
      return new ApiError(issues ? { code: v.code, message: v.message, issues } : { code: v.code, message: v.message });
    }
  }
  return new ApiError({ code: 'INTERNAL', message: value instanceof Error ? value.message : String(value) });
}
