import type { AutomationAction, AutomationCondition, EscalationReason, TriggerEvent, WeekdayKey } from '@madoguchi/shared'

// Runtime copies of shared enumerations (importing them would pull zod into the
// bundle); `satisfies` turns any drift into a type error.
export const TRIGGER_EVENTS = ['ticket.created', 'ticket.updated', 'message.received', 'status.changed', 'sla.warning', 'sla.breached'] as const satisfies readonly TriggerEvent[]
export const CONDITION_FIELDS = ['status', 'priority', 'category', 'channel', 'teamId', 'assigneeId', 'subject', 'tags'] as const
export const FIELD_OPS = ['equals', 'not_equals', 'in', 'not_in', 'contains'] as const
export const CONDITION_TYPES = ['field', 'text_contains', 'customer', 'business_hours', 'hours_in_status'] as const satisfies readonly AutomationCondition['type'][]
export const ACTION_TYPES = [
  'assign', 'route', 'set_status', 'set_priority', 'set_category', 'set_team', 'add_tags', 'notify', 'reply', 'escalate',
] as const satisfies readonly AutomationAction['type'][]
export const ESCALATION_REASONS = [
  'customer_requested_supervisor', 'beyond_authority', 'technical', 'complaint', 'threat_legal', 'threat_physical',
] as const satisfies readonly EscalationReason[]
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly WeekdayKey[]
export const ROUTING_MODES = ['round_robin', 'least_busy'] as const
