import type { Trx } from '../db/database.ts'
import { toJson } from '../db/json.ts'
import { newId } from '../lib/ids.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'
import type { EscalationRow } from './escalation.table.ts'

/**
 * One notification row per receiver: the agent the ticket was routed to, else
 * every active member of the receiving team; plus every supervisor and admin
 * when the step is "supervisor" or the ticket is a threat.
 */
export async function notifyEscalation(trx: Trx, ticket: TicketRow, escalation: EscalationRow, supervisors: boolean, at: string): Promise<string[]> {
  const receivers = new Set<string>()
  if (ticket.assignee_id !== null) receivers.add(ticket.assignee_id)
  else if (ticket.team_id !== null && escalation.to_supervisor !== 1) {
    const members = await trx
      .selectFrom('agent_teams')
      .innerJoin('agents', 'agents.id', 'agent_teams.agent_id')
      .select('agents.id')
      .where('agent_teams.team_id', '=', ticket.team_id)
      .where('agents.active', '=', 1)
      .execute()
    for (const m of members) receivers.add(m.id)
  }
  if (supervisors) {
    const chiefs = await trx.selectFrom('agents').select('id').where('account_id', '=', ticket.account_id).where('role', 'in', ['supervisor', 'admin']).where('active', '=', 1).execute()
    for (const c of chiefs) receivers.add(c.id)
  }
  receivers.delete(escalation.escalated_by ?? '')
  if (receivers.size === 0) return []
  const data = toJson({ escalationId: escalation.id, reason: escalation.reason, number: Number(ticket.number), subject: ticket.subject })
  await trx.insertInto('notifications').values([...receivers].map((agentId) => ({
    id: newId(), account_id: ticket.account_id, agent_id: agentId, team_id: ticket.team_id, ticket_id: ticket.id, kind: 'ticket.escalated', data, read_at: null, created_at: at,
  }))).execute()

  return [...receivers]
}
