import type { TicketCount, TicketCountQuery } from '@madoguchi/shared'
import { TICKET_COUNT_CAP } from '@madoguchi/shared'
import { sql } from 'kysely'
import type { Deps } from '../deps.ts'
import type { Viewer } from './ticket-access.ts'
import { filteredTickets, ticketScope } from './ticket-filter.ts'

/**
 * How many tickets a view holds, with exactly the list's filters and visibility.
 *
 * Capped on purpose: counting every match of a broad view ("All open" on a million
 * tickets) reads that whole index range on every refresh — hundreds of milliseconds,
 * repeated by every agent's sidebar after each live event. Past 10,000 the badge
 * says "10,000+", which tells an agent just as much; the LIMIT inside the count stops
 * the scan there, so a count costs at most a 10,001-entry index range scan.
 */
export async function countTickets(deps: Deps, viewer: Viewer, query: TicketCountQuery): Promise<TicketCount> {
  const scope = ticketScope(viewer, query)
  if (scope.teams !== null && scope.teams.length === 0) return { count: 0, capped: false }
  const matches = filteredTickets(deps, viewer, scope).select(sql<number>`1`.as('one')).limit(TICKET_COUNT_CAP + 1)
  const row = await deps.db
    .selectFrom(matches.as('matches'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const n = Number(row.n)

  return n > TICKET_COUNT_CAP ? { count: TICKET_COUNT_CAP, capped: true } : { count: n, capped: false }
}
