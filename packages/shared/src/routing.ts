import { z } from 'zod'
import { TICKET_CATEGORIES } from './domain.ts'

/** Routing: how a team hands out tickets, who is available, and which team owns a category. */
export const ROUTING_MODES = ['round_robin', 'least_busy'] as const
export const routingMode = z.enum(ROUTING_MODES)

export const AGENT_PRESENCES = ['online', 'away', 'offline'] as const
export const agentPresence = z.enum(AGENT_PRESENCES)
export type AgentPresence = z.infer<typeof agentPresence>

/** One step of a team's escalation path: the team (and tier) that takes the ticket next. */
export const escalationStep = z.object({ teamId: z.uuid(), tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional() }).strict()
export type EscalationStep = z.infer<typeof escalationStep>

export const teamRoutingInput = z
  .object({
    mode: routingMode.optional(),
    /** Assign new tickets of the team at once to an eligible online agent. */
    autoAssign: z.boolean().optional(),
    /** Count each agent's open tickets per channel against their capacity. */
    respectCapacity: z.boolean().optional(),
    /** Tier 1 → tier 2 → tier 3; past the last step, supervisors. */
    escalationSteps: z.array(escalationStep).max(5).optional(),
  })
  .strict()
export type TeamRoutingInput = z.infer<typeof teamRoutingInput>

export const teamRoutingView = z.object({
  teamId: z.string(),
  mode: routingMode,
  autoAssign: z.boolean(),
  respectCapacity: z.boolean(),
  escalationSteps: z.array(escalationStep),
})
export type TeamRoutingView = z.infer<typeof teamRoutingView>

export const presenceInput = z.object({ presence: agentPresence }).strict()
export const presenceView = z.object({ agentId: z.string(), presence: agentPresence, rerouted: z.number().int() })

/**
 * `{ billing: teamId, … }`; a category left out has no owning team. The extra key
 * `legal` names the team that legal and physical threats are escalated to.
 */
export const ROUTING_KEYS = [...TICKET_CATEGORIES, 'legal'] as const
export const categoryRoutesInput = z.object({ routes: z.partialRecord(z.enum(ROUTING_KEYS), z.uuid()) }).strict()
export const categoryRoutesView = z.object({ routes: z.record(z.string(), z.string()) })

export const routeTicketView = z.object({ ticketId: z.string(), teamId: z.string().nullable(), assigneeId: z.string().nullable(), reason: z.string() })
