import { z } from 'zod';
import { TOPICS } from './payloads';

// One schema per operation's argument. Every transport validates with these
// before the core sees a request, so bad input becomes INVALID_ARGUMENT in one
// way everywhere. Objects are strict: unknown keys (including __proto__) are refused.

export const MIN_INTERVAL_MS = 250;
export const MAX_INTERVAL_MS = 60_000;
export const MAX_HISTORY_SECONDS = 86_400;

export const NoArgs = z.undefined();

export const GetHistoryRequest = z.strictObject({
  seconds: z.number().int().min(1).max(MAX_HISTORY_SECONDS),
});
export type GetHistoryRequest = z.infer<typeof GetHistoryRequest>;

export const SetIntervalRequest = z.strictObject({
  ms: z.number().int().min(MIN_INTERVAL_MS).max(MAX_INTERVAL_MS),
});
export type SetIntervalRequest = z.infer<typeof SetIntervalRequest>;

export const SetTopicsRequest = z.strictObject({
  topics: z.array(z.enum(TOPICS)).max(TOPICS.length),
});
export type SetTopicsRequest = z.infer<typeof SetTopicsRequest>;

export const CONNECTION_KINDS = ['inet', 'inet4', 'inet6', 'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'unix', 'all'] as const;
export const GetConnectionsRequest = z.strictObject({
  kind: z.enum(CONNECTION_KINDS),
});
export type GetConnectionsRequest = z.infer<typeof GetConnectionsRequest>;

export const requestSchemas = {
  getInfo: NoArgs,
  getSnapshot: NoArgs,
  getHistory: GetHistoryRequest,
  setInterval: SetIntervalRequest,
  setTopics: SetTopicsRequest,
  getSystemInfo: NoArgs,
  getConnections: GetConnectionsRequest,
} as const;

/** Operations that change host state: refused when the host is read-only. */
export const MUTATING_OPERATIONS = new Set<string>(['setInterval']);
