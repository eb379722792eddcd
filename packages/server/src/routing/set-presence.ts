import type { AgentPresence } from '@madoguchi/shared'
import { recordEvents } from '../audit/record-event.ts'
import { parseJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { updateTicketRow } from '../tickets/ticket.repo.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'
import { drainTeamQueue } from './drain-team-queue.ts'
import { routeTicket, ticketUpdated } from './route-ticket.ts'
import { ACTIVE_STATUSES } from './routing.repo.ts'

/**
 * `PATCH /me/presence`. Going offline hands the agent's open tickets back:
 * each is unassigned and routed again within its team (left in the queue when
 * nobody is available). Coming online takes waiting tickets from the agent's
 * auto-assigning teams, VIP first. Away keeps what one has but gets nothing new.
 */
export async function setPresence(deps: Deps, principal: Principal, presence: AgentPresence): Promise<{ agentId: string; presence: AgentPresence; rerouted: number }> {
  const at = deps.clock.now().toISOString()
  const { changed, rerouted } = await deps.transact(async (trx) => {
    await trx.updateTable('agents').set({ presence, updated_at: at }).where('account_id', '=', principal.accountId).where('id', '=', principal.agentId).execute()
    const changed: TicketRow[] = []
    let rerouted = 0
    if (presence === 'offline') {
      const mine = await trx
        .selectFrom('tickets')
        .selectAll()
        .where('account_id', '=', principal.accountId)
        .where('assignee_id', '=', principal.agentId)
        .where('status', 'in', [...ACTIVE_STATUSES])
        .orderBy('id')
        .limit(500)
        .execute()
      for (const ticket of mine) {
        const unassigned = { ...ticket, assignee_id: null, updated_at: at }
        await updateTicketRow(trx, principal.accountId, ticket.id, { assignee_id: null, updated_at: at }, parseJson<string[]>(ticket.tags, []))
        await recordEvents(trx, [{
          accountId: principal.accountId, subjectType: 'ticket', subjectId: ticket.id, type: 'ticket.assignee_changed', field: 'assigneeId',
          actor: { kind: 'system' }, before: principal.agentId, after: null, at,
        }])
        const routed = await routeTicket(trx, unassigned, { at, dialect: deps.dialect, force: true, exceptAgentId: principal.agentId })
        if (routed.reason === 'assigned') rerouted++
        changed.push(routed.ticket)
      }
    }
    if (presence === 'online') {
      for (const teamId of principal.teamIds) {
        const settings = await trx.selectFrom('team_routing').select('auto_assign').where('team_id', '=', teamId).executeTakeFirst()
        if (settings?.auto_assign === 1) changed.push(...(await drainTeamQueue(trx, deps.dialect, principal.accountId, teamId, at)))
      }
      rerouted = changed.length
    }

    return { changed, rerouted }
  })
  for (const ticket of changed) deps.realtime.publish(principal.accountId, ticketUpdated(ticket, ['assigneeId'], at))

  return { agentId: principal.agentId, presence, rerouted }
}
