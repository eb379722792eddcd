import type { RealtimeEvent } from './realtime.ts'

/**
 * The agent app's WebSocket protocol (`GET /api/v1/realtime`), beside the event
 * types it carries. Plain types on purpose: the browser bundle imports no zod.
 */

/** Client → server. `presence` says which ticket this tab shows and whether the agent is typing a reply. */
export type RealtimeClientMessage =
  | { type: 'ping' }
  | { type: 'presence'; ticketId: string | null; replying: boolean }

/** Server → client: the events, plus `ready` once subscribed and `pong` for heartbeats. */
export type RealtimeServerMessage =
  | RealtimeEvent
  | { type: 'ready'; agentId: string; at: string }
  | { type: 'pong'; at: string }

/** Seconds between client heartbeats; the server drops sockets silent for 3× this. */
export const REALTIME_HEARTBEAT_SECONDS = 20
/** A presence row lives this long without a refresh (a crashed node's viewers fade out). */
export const PRESENCE_TTL_SECONDS = 60
