import { z } from 'zod'
import type { RealtimeClientMessage } from '@madoguchi/shared'

/** What an agent app may send over the socket (see RealtimeClientMessage in shared). */
export const realtimeClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }).strict(),
  z.object({ type: z.literal('presence'), ticketId: z.string().min(1).max(100).nullable(), replying: z.boolean() }).strict(),
]) satisfies z.ZodType<RealtimeClientMessage>

/** Parses one frame; anything malformed is ignored rather than closing the socket. */
export function parseClientMessage(raw: unknown): RealtimeClientMessage | null {
  let json: unknown
  try {
    json = JSON.parse(String(raw))
  } catch {
    return null
  }
  const parsed = realtimeClientMessage.safeParse(json)

  return parsed.success ? parsed.data : null
}
