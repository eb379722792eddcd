/**
 * Events pushed to agent apps over the WebSocket (`/api/v1/realtime`). They carry
 * ids and the few fields needed to decide who may see them; clients refetch details.
 * Internal notes are never sent to customer-facing sockets (chat widget).
 */
export type RealtimeEvent =
  | { type: 'ticket.created'; ticketId: string; number: number; teamId: string | null; assigneeId: string | null; at: string }
  | { type: 'ticket.updated'; ticketId: string; number: number; teamId: string | null; assigneeId: string | null; fields: string[]; at: string }
  | { type: 'message.created'; ticketId: string; messageId: string; kind: 'inbound' | 'outbound' | 'note' | 'system'; teamId: string | null; at: string }
  | { type: 'presence.changed'; ticketId: string; viewers: { agentId: string; name: string; replying: boolean }[]; at: string }
