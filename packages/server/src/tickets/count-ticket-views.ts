import type { TicketCounts, TicketCountsInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { countTickets } from './count-tickets.ts'
import type { Viewer } from './ticket-access.ts'

/**
 * The sidebar's counts in one request: after every live event each agent's app asked once per view
 * (the four built-in views and the saved ones, each request authenticated and logged); now once. The
 * counts themselves are GET /tickets/count's, capped the same way, and run together on PostgreSQL's pool.
 */
export async function countTicketViews(deps: Deps, viewer: Viewer, input: TicketCountsInput): Promise<TicketCounts> {
  return { counts: await Promise.all(input.views.map((view) => countTickets(deps, viewer, view))) }
}
