import { z } from 'zod'
import { TICKET_STATUSES, channel, ticketCategory, ticketPriority, ticketStatus } from './domain.ts'
import { escalationReason } from './escalation.ts'

/** Automation: triggers on events, time-based rules, macros (canned replies) and the dry run. */
export const TRIGGER_EVENTS = ['ticket.created', 'ticket.updated', 'message.received', 'status.changed', 'sla.warning', 'sla.breached'] as const
export const triggerEvent = z.enum(TRIGGER_EVENTS)
export type TriggerEvent = z.infer<typeof triggerEvent>

export const CONDITION_FIELDS = ['status', 'priority', 'category', 'channel', 'teamId', 'assigneeId', 'subject', 'tags'] as const
/** A ticket field, or any custom field as `customFields.<key>`. */
const conditionField = z.union([z.enum(CONDITION_FIELDS), z.string().regex(/^customFields\.[\p{L}\p{N}_.-]{1,64}$/u, 'a field name or customFields.<key>')])
const scalar = z.string().max(500).nullable()

export const automationCondition = z.discriminatedUnion('type', [
  /** `equals`/`not_equals` one value, `in`/`not_in` a list, `contains` a substring (tags: one of them). */
  z.object({ type: z.literal('field'), field: conditionField, op: z.enum(['equals', 'not_equals', 'in', 'not_in', 'contains']), value: z.union([scalar, z.array(z.string().max(500)).max(50)]) }).strict(),
  /** Subject or the latest customer message contains the text (case- and width-insensitive). */
  z.object({ type: z.literal('text_contains'), value: z.string().min(1).max(200) }).strict(),
  z.object({ type: z.literal('customer'), flag: z.enum(['vip', 'handle_with_care']), value: z.boolean() }).strict(),
  /** Within (or outside) the opening hours of a calendar (the default one when omitted). */
  z.object({ type: z.literal('business_hours'), calendarId: z.uuid().nullable().optional(), open: z.boolean() }).strict(),
  /** Time rules: at least this many hours in the current status. */
  z.object({ type: z.literal('hours_in_status'), hours: z.number().min(0).max(24 * 365) }).strict(),
])
export type AutomationCondition = z.infer<typeof automationCondition>

const localized = z.object({ ja: z.string().min(1).max(10_000).optional(), en: z.string().min(1).max(10_000).optional() }).strict()

export const automationAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), agentId: z.uuid().nullable() }).strict(),
  /** Route within the team (routing settings decide who). */
  z.object({ type: z.literal('route') }).strict(),
  z.object({ type: z.literal('set_status'), value: ticketStatus.exclude(['new']) }).strict(),
  z.object({ type: z.literal('set_priority'), value: ticketPriority }).strict(),
  z.object({ type: z.literal('set_category'), value: ticketCategory.nullable() }).strict(),
  z.object({ type: z.literal('set_team'), value: z.uuid() }).strict(),
  z.object({ type: z.literal('add_tags'), tags: z.array(z.string().min(1).max(50)).min(1).max(10) }).strict(),
  z.object({ type: z.literal('notify'), agentId: z.uuid().optional(), teamId: z.uuid().optional(), message: z.string().min(1).max(1_000) }).strict(),
  /** A reply to the customer from a macro or a text (placeholders filled), in the customer's language. */
  z.object({ type: z.literal('reply'), macroId: z.uuid().optional(), body: localized.optional() }).strict(),
  z.object({ type: z.literal('escalate'), reason: escalationReason, note: z.string().min(1).max(1_000) }).strict(),
])
export type AutomationAction = z.infer<typeof automationAction>

export const RULE_KINDS = ['trigger', 'time'] as const

const ruleFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(RULE_KINDS),
  /** Triggers: the event they listen to. */
  event: triggerEvent.nullable().optional(),
  conditions: z.array(automationCondition).max(20).default([]),
  actions: z.array(automationAction).min(1).max(10),
  position: z.number().int().min(0).max(100_000).default(0),
  active: z.boolean().default(true),
}
export const createRuleInput = z
  .object(ruleFields)
  .strict()
  .refine((r) => r.kind === 'time' || (r.event ?? null) !== null, { message: 'a trigger needs an event', path: ['event'] })
export type CreateRuleInput = z.infer<typeof createRuleInput>
export const updateRuleInput = z
  .object({
    name: ruleFields.name.optional(), event: ruleFields.event, conditions: z.array(automationCondition).max(20).optional(),
    actions: z.array(automationAction).min(1).max(10).optional(), position: z.number().int().min(0).max(100_000).optional(), active: z.boolean().optional(),
  })
  .strict()
export type UpdateRuleInput = z.infer<typeof updateRuleInput>

export const ruleView = z.object({
  id: z.string(), name: z.string(), kind: z.enum(RULE_KINDS), event: triggerEvent.nullable(), conditions: z.array(automationCondition),
  actions: z.array(automationAction), position: z.number(), active: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
})
export type RuleView = z.infer<typeof ruleView>
export const ruleList = z.object({ items: z.array(ruleView) })

/** A ticket that does not exist, to see which rules it would set off. */
export const hypotheticalTicket = z
  .object({
    subject: z.string().max(500).default(''),
    body: z.string().max(10_000).default(''),
    status: z.enum(TICKET_STATUSES).default('new'),
    priority: ticketPriority.default('normal'),
    category: ticketCategory.nullable().default(null),
    channel: channel.default('email'),
    teamId: z.uuid().nullable().default(null),
    assigneeId: z.uuid().nullable().default(null),
    tags: z.array(z.string().max(50)).max(20).default([]),
    customFields: z.record(z.string().max(64), z.union([z.string().max(1_000), z.number(), z.boolean()])).default({}),
    customer: z.object({ vip: z.boolean().default(false), handleWithCare: z.boolean().default(false) }).strict().default({ vip: false, handleWithCare: false }),
  })
  .strict()
export type HypotheticalTicket = z.infer<typeof hypotheticalTicket>

export const dryRunInput = z
  .object({ ticketId: z.string().min(1).max(100).optional(), ticket: hypotheticalTicket.optional(), event: triggerEvent, at: z.iso.datetime({ offset: true }).optional() })
  .strict()
  .refine((d) => (d.ticketId === undefined) !== (d.ticket === undefined), { message: 'give either ticketId or ticket' })

export const conditionResult = z.object({ condition: automationCondition, result: z.boolean(), actual: z.unknown() })
export const dryRunView = z.object({
  event: triggerEvent,
  rules: z.array(z.object({ ruleId: z.string(), name: z.string(), position: z.number(), wouldFire: z.boolean(), conditions: z.array(conditionResult), actions: z.array(automationAction) })),
})
export type DryRunView = z.infer<typeof dryRunView>

/**
 * Ticket changes a macro offers with its text. The render shows them; they are
 * applied only when the agent chooses to (through the ticket update), never by rendering.
 */
export const MACRO_ACTION_TYPES = ['set_status', 'set_priority', 'add_tags'] as const
export const macroAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_status'), value: ticketStatus.exclude(['new']) }).strict(),
  z.object({ type: z.literal('set_priority'), value: ticketPriority }).strict(),
  z.object({ type: z.literal('add_tags'), tags: z.array(z.string().trim().min(1).max(50)).min(1).max(10) }).strict(),
])
export type MacroAction = z.infer<typeof macroAction>
const macroActions = z.array(macroAction).max(5)

export const createMacroInput = z
  .object({
    name: z.string().trim().min(1).max(100), bodyJa: z.string().min(1).max(10_000).optional(), bodyEn: z.string().min(1).max(10_000).optional(), shared: z.boolean().default(false),
    actions: macroActions.default([]),
  })
  .strict()
  .refine((m) => m.bodyJa !== undefined || m.bodyEn !== undefined, { message: 'a macro needs a Japanese or an English text' })
export const updateMacroInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(), bodyJa: z.string().min(1).max(10_000).nullable().optional(), bodyEn: z.string().min(1).max(10_000).nullable().optional(),
    actions: macroActions.optional(),
  })
  .strict()
export const macroView = z.object({
  id: z.string(), name: z.string(), bodyJa: z.string().nullable(), bodyEn: z.string().nullable(), shared: z.boolean(), ownerAgentId: z.string().nullable(),
  actions: z.array(macroAction), createdAt: z.string(), updatedAt: z.string(),
})
export type MacroView = z.infer<typeof macroView>
export const macroList = z.object({ items: z.array(macroView) })
export const renderMacroInput = z.object({ ticketId: z.string().min(1).max(100), locale: z.enum(['ja', 'en']).optional() }).strict()
export const renderedMacroView = z.object({
  /** Filled text for the agent to edit before sending: rendering never sends anything. */
  text: z.string(),
  locale: z.enum(['ja', 'en']),
  /** Placeholders that had no value (left empty in the text). */
  missing: z.array(z.string()),
  /** The macro's ticket changes, for the agent to see and apply (or not); rendering applies none. */
  actions: z.array(macroAction),
})
export type RenderedMacroView = z.infer<typeof renderedMacroView>
