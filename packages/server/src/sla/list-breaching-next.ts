import type { BreachingNextView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { hideRestrictedTickets } from '../escalation/ticket-visibility.ts'
import type { Viewer } from '../tickets/ticket-access.ts'
import { storedState } from './sla-clock-rows.ts'

/**
 * "What breaches next": running clocks by due time, soonest (or most overdue)
 * first, one row per clock. Partners see only their teams' tickets; restricted
 * tickets (threats) only those allowed to see them.
 */
export async function listBreachingNext(deps: Deps, viewer: Viewer, limit: number): Promise<BreachingNextView> {
  const now = deps.clock.now().toISOString()
  let q = deps.db
    .selectFrom('ticket_slas')
    .innerJoin('tickets', 'tickets.id', 'ticket_slas.ticket_id')
    .select([
      'ticket_slas.ticket_id', 'ticket_slas.metric', 'ticket_slas.due_at', 'ticket_slas.warning_at', 'ticket_slas.warned_at',
      'ticket_slas.breached_at', 'ticket_slas.achieved_at', 'tickets.number', 'tickets.subject', 'tickets.team_id', 'tickets.assignee_id',
    ])
    .where('ticket_slas.account_id', '=', viewer.accountId)
    .where('ticket_slas.due_at', 'is not', null)
    .where('ticket_slas.achieved_at', 'is', null)
  if (viewer.role === 'partner') {
    if (viewer.teamIds.length === 0) return { items: [] }
    q = q.where('tickets.team_id', 'in', viewer.teamIds)
  }
  q = hideRestrictedTickets(q, viewer)
  const rows = await q.orderBy('ticket_slas.due_at').orderBy('ticket_slas.ticket_id').limit(limit).execute()

  return {
    items: rows.map((r) => ({
      ticketId: r.ticket_id, number: Number(r.number), subject: r.subject, teamId: r.team_id, assigneeId: r.assignee_id,
      metric: r.metric, dueAt: r.due_at!, state: storedState(r, now),
    })),
  }
}
