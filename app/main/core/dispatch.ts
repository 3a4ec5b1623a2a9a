import {
  ApiError,
  CHANNELS,
  MUTATING_OPERATIONS,
  requestSchemas,
  type MonitorApi,
  type MonitorOperation,
  type Result,
} from '../../shared';
import { toApiErrorPayload } from './errors';
import { issuesInWords } from '../../shared/issue-words';

export interface DispatchContext {
  readOnly: boolean;
}

function isOperation(op: unknown): op is MonitorOperation {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, op);
}

/**
 * Every transport's entry point: check the operation name, validate the
 * argument against the contract's schema, enforce read-only, call, and wrap
 * the outcome so the error code survives the trip.
 */
export async function dispatch(api: MonitorApi, ctx: DispatchContext, op: unknown, arg: unknown): Promise<Result<unknown>> {
  try {
    if (!isOperation(op)) throw new ApiError({ code: 'UNKNOWN_OPERATION', message: `unknown operation ${JSON.stringify(String(op)).slice(0, 80)}` });
    const parsed = requestSchemas[op].safeParse(arg);
    if (!parsed.success) {
      throw new ApiError({
        code: 'INVALID_ARGUMENT',
        message: `invalid argument for ${op}`,
        issues: issuesInWords(parsed.error),
      });
    }
    // Validation first, so a malformed request is named as such even on a read-only host.
    if (ctx.readOnly && MUTATING_OPERATIONS.has(op)) {
      throw new ApiError({ code: 'READ_ONLY', message: `${op} is refused: this Procyon host is read-only` });
    }
    const value = await call(api, op, parsed.data);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiErrorPayload(err) };
  }
}

function call(api: MonitorApi, op: MonitorOperation, arg: unknown): Promise<unknown> {
  switch (op) {
    case 'getInfo':
      return api.getInfo();
    case 'getSnapshot':
      return api.getSnapshot();
    case 'getProcessTable':
      return api.getProcessTable();
    case 'getHistory':
      return api.getHistory(arg as Parameters<MonitorApi['getHistory']>[0]);
    case 'setInterval':
      return api.setInterval(arg as Parameters<MonitorApi['setInterval']>[0]);
    case 'setTopics':
      return api.setTopics(arg as Parameters<MonitorApi['setTopics']>[0]);
    case 'getSystemInfo':
      return api.getSystemInfo();
    case 'getConnections':
      return api.getConnections(arg as Parameters<MonitorApi['getConnections']>[0]);
    case 'processAction':
      return api.processAction(arg as Parameters<MonitorApi['processAction']>[0]);
    case 'killTree':
      return api.killTree(arg as Parameters<MonitorApi['killTree']>[0]);
    case 'getProcessDetails':
      return api.getProcessDetails(arg as Parameters<MonitorApi['getProcessDetails']>[0]);
    case 'getProcessText':
      return api.getProcessText(arg as Parameters<MonitorApi['getProcessText']>[0]);
    case 'getProcessHistory':
      return api.getProcessHistory(arg as Parameters<MonitorApi['getProcessHistory']>[0]);
    case 'getSettings':
      return api.getSettings();
    case 'updateSettings':
      return api.updateSettings(arg as Parameters<MonitorApi['updateSettings']>[0]);
    case 'getAlertHistory':
      return api.getAlertHistory();
  }
}
