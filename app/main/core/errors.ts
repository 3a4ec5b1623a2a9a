import { ProcyonError } from '@procyon/collector';
import { ApiError, isApiErrorCode, type ApiErrorPayload } from '../../shared';

/** The one place host-side failures become the contract's error payload. */
export function toApiErrorPayload(err: unknown): ApiErrorPayload {
  if (err instanceof ApiError) return err.toPayload();
  if (err instanceof ProcyonError) {
    // The collector's codes that the contract knows pass through; the rest
    // (IO/PARSE errors) are host faults the UI can only report.
    return { code: isApiErrorCode(err.code) ? err.code : 'INTERNAL', message: err.message };
  }
  if (err instanceof RangeError || err instanceof TypeError) return { code: 'INVALID_ARGUMENT', message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/**
 * The collector's own code and message, unmapped (IO_ERROR and PARSE_ERROR
 * stay as they are): what a per-topic or per-attribute failure reports in
 * place of its value while the rest of the reading goes on.
 */
export function errorSummary(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: unknown } | null;
  return { code: typeof e?.code === 'string' ? e.code : 'INTERNAL', message: String(e?.message ?? err) };
}
