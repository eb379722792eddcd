/**
 * API shapes. Types come from the zod schemas in `@madoguchi/shared` (type-only
 * imports: the schemas and zod itself never reach the browser bundle).
 */
import type {
  AccountView, AgentView, Channel, CreatedAgentView, CustomerContactView, CustomerLookupView, CustomerView, MessageView,
  MeView, RealtimeClientMessage, RealtimeEvent, RealtimeServerMessage, Role, TeamView, TicketCategory, TicketEventView,
  TicketPage, TicketPriority, TicketStatus, TicketView,
} from '@madoguchi/shared'

export type {
  AccountView, AgentView, Channel, CreatedAgentView, CustomerContactView, CustomerLookupView, CustomerView, MessageView,
  MeView, RealtimeClientMessage, RealtimeEvent, RealtimeServerMessage, Role, TeamView, TicketCategory, TicketEventView,
  TicketPage, TicketPriority, TicketStatus, TicketView,
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

// Runtime copies of the shared enumerations: importing them from `@madoguchi/shared`
// would pull zod into the bundle. `satisfies` makes any drift a type error.
export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const satisfies readonly TicketStatus[]
export const OPEN_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const satisfies readonly TicketStatus[]
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly TicketPriority[]
export const CATEGORIES = [
  'inquiry', 'complaint', 'order', 'return', 'refund', 'recall', 'application',
  'appointment', 'billing', 'technical', 'feedback', 'other',
] as const satisfies readonly TicketCategory[]
export const CHANNELS = ['email', 'chat', 'line', 'phone', 'web_form', 'walk_in', 'review', 'sms', 'api'] as const satisfies readonly Channel[]
export const ROLES = ['admin', 'supervisor', 'agent', 'partner'] as const satisfies readonly Role[]
