import type { z } from 'zod';
import { ApiError, isOperation, OPERATION_TABLE, type HostConstants, type HostIssue, type MonitorCalls, type MonitorOperation, type Requests, type Result } from '../../shared';
import { hostConstants } from './host-constants';
import { toApiErrorPayload } from './errors';
import { issuesInWords } from '../../shared/issue-words';

export interface DispatchContext {
  readOnly: boolean;
}

type Schemas = {
  [K in MonitorOperation]: {
    request: { safeParse(arg: unknown): z.ZodSafeParseResult<Requests[K]> };
    hostIssues?: (request: Requests[K], host: HostConstants) => HostIssue[];
  };
};
// Each operation's schema, typed by the request it yields, so the lookup below is typed per operation.
const schemas: Schemas = OPERATION_TABLE;

/**
 * Every transport's entry point: check the operation name, validate the
 * argument against the operation's schema and then the host's constants,
 * enforce read-only, call, and wrap
 * the outcome so the error code survives the trip.
 */
export async function dispatch(api: MonitorCalls, ctx: DispatchContext, op: unknown, arg: unknown): Promise<Result<unknown>> {
  try {
    if (!isOperation(op)) throw new ApiError({ code: 'UNKNOWN_OPERATION', message: `unknown operation ${JSON.stringify(String(op)).slice(0, 80)}` });
    return { ok: true, value: await validateAndCall(api, ctx, op, arg) };
  } catch (err) {
    return { ok: false, error: toApiErrorPayload(err) };
  }
}

function validateAndCall<K extends MonitorOperation>(api: MonitorCalls, ctx: DispatchContext, op: K, arg: unknown): Promise<unknown> {
  const parsed = schemas[op].request.safeParse(arg);
  if (!parsed.success) {
    throw new ApiError({ code: 'INVALID_ARGUMENT', message: `invalid argument for ${op}`, issues: issuesInWords(parsed.error) });
  }
  const issues = schemas[op].hostIssues?.(parsed.data, hostConstants()) ?? [];
  if (issues.length > 0) {
    throw new ApiError({ code: 'INVALID_ARGUMENT', message: `invalid argument for ${op}: ${issues.map((i) => i.message).join(' ')}`, issues });
  }
  // Validation first, so a malformed request is named as such even on a read-only host.
  if (ctx.readOnly && OPERATION_TABLE[op].mutates) {
    throw new ApiError({ code: 'READ_ONLY', message: `${op} is refused: this Procyon host is read-only` });
  }
  const method: MonitorCalls[K] = api[op];
  return method.call(api, parsed.data);
}
