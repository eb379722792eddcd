import { z } from 'zod'
import { channel, ticketCategory, ticketPriority } from './domain.ts'

/** SLA policies (targets in business minutes on a calendar) and the clocks they start on tickets. */
export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const
export const slaMetric = z.enum(SLA_METRICS)
export type SlaMetric = z.infer<typeof slaMetric>

export const SLA_STATES = ['ok', 'warning', 'breached', 'achieved'] as const
export type SlaStateName = (typeof SLA_STATES)[number]

const minutes = z.number().int().min(1).max(525_600)

/** Which tickets a policy covers; an absent key matches every ticket. */
export const slaConditions = z
  .object({
    priorities: z.array(ticketPriority).min(1).max(4).optional(),
    /** true: VIP customers only; false: non-VIP only. */
    vip: z.boolean().optional(),
    channels: z.array(channel).min(1).max(20).optional(),
    categories: z.array(ticketCategory).min(1).max(20).optional(),
  })
  .strict()
export type SlaConditions = z.infer<typeof slaConditions>

const policyFields = {
  name: z.string().trim().min(1).max(100),
  /** null or absent: the account's default calendar (round the clock when it has none). */
  calendarId: z.uuid().nullable().optional(),
  conditions: slaConditions.default({}),
  firstResponseMinutes: minutes.nullable().optional(),
  nextResponseMinutes: minutes.nullable().optional(),
  resolutionMinutes: minutes.nullable().optional(),
  /** Warn when this share of the target has elapsed. */
  warningPercent: z.number().int().min(1).max(99).default(75),
  /** `pending` always pauses the clocks; `on_hold` too when this is true. */
  pauseOnHold: z.boolean().default(true),
  /** Lower first: the first active policy that matches a ticket applies. */
  position: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
}

export const createSlaPolicyInput = z.object(policyFields).strict()
export type CreateSlaPolicyInput = z.infer<typeof createSlaPolicyInput>

export const updateSlaPolicyInput = z
  .object({
    name: policyFields.name.optional(),
    calendarId: policyFields.calendarId,
    conditions: slaConditions.optional(),
    firstResponseMinutes: policyFields.firstResponseMinutes,
    nextResponseMinutes: policyFields.nextResponseMinutes,
    resolutionMinutes: policyFields.resolutionMinutes,
    warningPercent: z.number().int().min(1).max(99).optional(),
    pauseOnHold: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .strict()
export type UpdateSlaPolicyInput = z.infer<typeof updateSlaPolicyInput>

export const slaPolicyView = z.object({
  id: z.string(),
  name: z.string(),
  calendarId: z.string().nullable(),
  conditions: slaConditions,
  firstResponseMinutes: z.number().nullable(),
  nextResponseMinutes: z.number().nullable(),
  resolutionMinutes: z.number().nullable(),
  warningPercent: z.number(),
  pauseOnHold: z.boolean(),
  position: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type SlaPolicyView = z.infer<typeof slaPolicyView>
export const slaPolicyList = z.object({ items: z.array(slaPolicyView) })

export const slaClockView = z.object({
  metric: slaMetric,
  policyId: z.string(),
  targetMinutes: z.number(),
  state: z.enum(SLA_STATES),
  paused: z.boolean(),
  startedAt: z.string(),
  /** null while paused (the clock is not running) or once achieved. */
  dueAt: z.string().nullable(),
  /** Business minutes left (negative once breached); null once achieved. */
  dueInMinutes: z.number().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  achievedAt: z.string().nullable(),
})
export type SlaClockView = z.infer<typeof slaClockView>

export const ticketSlaView = z.object({
  ticketId: z.string(),
  policyId: z.string().nullable(),
  /** The clock that matters most now (the running one due first), for badges. */
  state: z.enum(SLA_STATES).nullable(),
  dueAt: z.string().nullable(),
  paused: z.boolean(),
  clocks: z.array(slaClockView),
})
export type TicketSlaView = z.infer<typeof ticketSlaView>

export const breachingNextQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict()

export const breachingNextItem = z.object({
  ticketId: z.string(),
  number: z.number(),
  subject: z.string(),
  teamId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  metric: slaMetric,
  dueAt: z.string(),
  state: z.enum(SLA_STATES),
})
export const breachingNextView = z.object({ items: z.array(breachingNextItem) })
export type BreachingNextView = z.infer<typeof breachingNextView>

/** What ticket lists add per ticket (one batch query per page). */
export interface TicketSlaSummary {
  slaDueAt: string | null
  slaState: SlaStateName | null
  /** The clock the badge names: the running one due first (else a paused one), null when none runs. */
  slaMetric: SlaMetric | null
  /** Every running clock is paused (the ticket waits on the customer). */
  slaPaused: boolean
}
