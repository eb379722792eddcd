import type { Trx } from '../db/database.ts'
import type { Dialect } from '../db/create-db.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'
import { routeTicket } from './route-ticket.ts'
import { ACTIVE_STATUSES } from './routing.repo.ts'

const QUEUE_BATCH = 50

/**
 * Hands a team's waiting (unassigned) tickets to its available agents: VIP
 * customers first, then the longest waiting. Stops at the first ticket nobody can
 * take, so a full team does not scan its whole backlog.
 */
export async function drainTeamQueue(trx: Trx, dialect: Dialect, accountId: string, teamId: string, at: string): Promise<TicketRow[]> {
  const queue = await trx
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .selectAll('tickets')
    .where('tickets.account_id', '=', accountId)
    .where('tickets.team_id', '=', teamId)
    .where('tickets.assignee_id', 'is', null)
    .where('tickets.status', 'in', [...ACTIVE_STATUSES])
    .orderBy('customers.is_vip', 'desc')
    .orderBy('tickets.created_at')
    .orderBy('tickets.id')
    .limit(QUEUE_BATCH)
    .execute()
  const routed: TicketRow[] = []
  for (const ticket of queue) {
    const result = await routeTicket(trx, ticket, { at, dialect, force: true })
    if (result.reason !== 'assigned') break
    routed.push(result.ticket)
  }

  return routed
}
