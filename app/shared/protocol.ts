import { z } from 'zod';
import type { ApiErrorPayload } from './errors';
import type { Snapshot } from './payloads';

// The serve-mode WebSocket wire format. Client → server: a call or a
// subscription change. Server → client: a reply to a call id, or an event.

export const MAX_MESSAGE_BYTES = 64 * 1024;

export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('call'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    op: z.string().max(64),
    arg: z.unknown().optional(),
  }),
  z.strictObject({ type: z.literal('subscribe') }),
  z.strictObject({ type: z.literal('unsubscribe') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number | null; ok: false; error: ApiErrorPayload }
  | { type: 'snapshot'; snapshot: Snapshot };
