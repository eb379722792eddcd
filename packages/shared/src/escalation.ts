import { z } from 'zod'

/** Escalation: moving a ticket up its team's path (tier 1 → 2 → 3 → supervisors), or to legal on a threat. */
export const ESCALATION_REASONS = [
  'customer_requested_supervisor', 'beyond_authority', 'technical', 'complaint', 'threat_legal', 'threat_physical',
] as const
export const escalationReason = z.enum(ESCALATION_REASONS)
export type EscalationReason = z.infer<typeof escalationReason>

/** Reasons that send the ticket to the legal team, at top priority, with restricted visibility. */
export const THREAT_REASONS: readonly EscalationReason[] = ['threat_legal', 'threat_physical']

export const escalateInput = z
  .object({
    reason: escalationReason,
    note: z.string().trim().min(1).max(5_000),
    /** E.g. the refund asked for, when it is beyond the agent's limit (minor units, e.g. yen). */
    amount: z.number().int().min(0).max(1_000_000_000_000).optional(),
  })
  .strict()
export type EscalateInput = z.infer<typeof escalateInput>

export const escalationView = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.number().nullable(),
  ticketSubject: z.string().nullable(),
  reason: escalationReason,
  note: z.string().nullable(),
  amount: z.number().nullable(),
  fromTeamId: z.string().nullable(),
  toTeamId: z.string().nullable(),
  toTier: z.number().nullable(),
  toSupervisor: z.boolean(),
  /** Only the receiving team and supervisors may see the ticket. */
  restricted: z.boolean(),
  status: z.enum(['open', 'resolved']),
  escalatedBy: z.string().nullable(),
  assigneeId: z.string().nullable(),
  createdAt: z.string(),
  /** A supervisor took it up; it stays in the open queue until resolved. */
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
})
export type EscalationView = z.infer<typeof escalationView>

export const listEscalationsQuery = z
  .object({
    status: z.enum(['open', 'resolved']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
export const escalationList = z.object({ items: z.array(escalationView) })

export const escalationCountsQuery = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }).strict()
export const escalationCountsView = z.object({ total: z.number(), byReason: z.record(z.string(), z.number()), byTeam: z.record(z.string(), z.number()) })

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  ticketId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
})
export const notificationList = z.object({ items: z.array(notificationView) })
export type NotificationView = z.infer<typeof notificationView>
/** How many notifications a mark-read call changed (0 when they were read already). */
export const notificationsMarkedView = z.object({ marked: z.number().int() })
