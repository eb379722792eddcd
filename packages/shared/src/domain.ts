import { z } from 'zod'

/** Enumerations shared by the server, the agent app and the API docs. */
export const ROLES = ['admin', 'supervisor', 'agent', 'partner'] as const
export const role = z.enum(ROLES)
export type Role = z.infer<typeof role>

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const
export const ticketStatus = z.enum(TICKET_STATUSES)
export type TicketStatus = z.infer<typeof ticketStatus>

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const ticketPriority = z.enum(TICKET_PRIORITIES)
export type TicketPriority = z.infer<typeof ticketPriority>

export const TICKET_CATEGORIES = [
  'inquiry', 'complaint', 'order', 'return', 'refund', 'recall', 'application',
  'appointment', 'billing', 'technical', 'feedback', 'other',
] as const
export const ticketCategory = z.enum(TICKET_CATEGORIES)
export type TicketCategory = z.infer<typeof ticketCategory>

export const CHANNELS = ['email', 'chat', 'line', 'phone', 'web_form', 'walk_in', 'review', 'sms', 'api'] as const
export const channel = z.enum(CHANNELS)
export type Channel = z.infer<typeof channel>

export const MESSAGE_KINDS = ['inbound', 'outbound', 'note', 'system'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const AUTHOR_KINDS = ['customer', 'agent', 'bot', 'system'] as const
export type AuthorKind = (typeof AUTHOR_KINDS)[number]
