import type { ListTicketsQuery, TicketPage, TicketSort } from '@madoguchi/shared'
import type { SelectQueryBuilder } from 'kysely'
import { loadCustomerSummaries } from '../customers/resolve-customer-for-ticket.ts'
import type { Database } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { loadSlaSummaries } from '../sla/load-sla-summaries.ts'
import { pageOf } from '../http/page-cursor.ts'
import type { Viewer } from './ticket-access.ts'
import type { TicketRow } from './ticket.table.ts'
import type { Branch } from './ticket-filter.ts'
import { filteredTickets, ticketScope } from './ticket-filter.ts'
import { PRIORITY_ORDER, decodeSortCursor, orderBranch, orderMerged, sortKeyOf } from './ticket-sort.ts'
import { toTicketView } from './ticket-view.ts'

/** In-process callers (demo seed, exports) may leave the order to the default. */
type ListTicketsInput = Omit<ListTicketsQuery, 'sort'> & { sort?: TicketSort }

type TicketQuery = SelectQueryBuilder<Database, 'tickets' | 'ticket_tags', TicketRow>

/**
 * One page in the asked order (most recently updated first by default): one query
 * for the tickets whatever the page size, then one batch each of customers and SLA
 * clocks.
 *
 * Every filter has an index ending in (updated_at, id), so a page is a short index
 * range scan. A filter on several values (`status=new,open`, or several teams) would
 * defeat that — the database would gather every match and sort — so it is split into
 * one range scan per value, each limited to a page, merged by a UNION ALL in the same
 * single query. The priority order is split the same way, one scan per priority over
 * the (account, priority, updated_at, id) index; `number` and `created` read the
 * (account, number) and (account, created_at, id) indexes.
 */
export async function listTickets(deps: Deps, viewer: Viewer, input: ListTicketsInput): Promise<TicketPage> {
  const { accountId } = viewer
  const query = { ...input, sort: input.sort ?? 'updated' }
  const scope = ticketScope(viewer, query)
  const { teams, statuses } = scope
  if (teams !== null && teams.length === 0) return { items: [], nextCursor: null }
  const cursor = decodeSortCursor(query.sort, query.cursor)
  const fetch = query.limit + 1
  const tagDriven = query.tag !== undefined

  const ordered = (branch: Branch): TicketQuery | null => {
    const q = filteredTickets(deps, viewer, scope, branch).selectAll('tickets') as TicketQuery
    const sorted = orderBranch(q, query.sort, tagDriven, cursor, branch.priority)

    return sorted && sorted.limit(fetch)
  }

  const branches: Branch[] =
    query.sort === 'priority' ? (query.priority ? [query.priority] : PRIORITY_ORDER).map((priority) => ({ priority }))
    : statuses && statuses.length > 1 ? statuses.map((status) => ({ status }))
    : teams && teams.length > 1 ? teams.map((teamId) => ({ teamId }))
    : [{}]
  const queries = branches.map(ordered).filter((q): q is TicketQuery => q !== null)
  let rows: TicketRow[]
  if (queries.length === 0) {
    rows = []
  } else if (queries.length === 1) {
    rows = await queries[0]!.execute()
  } else {
    const parts = queries.map((q, i) => deps.db.selectFrom(q.as(`b${i}`)).selectAll())
    const union = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!)
    rows = await orderMerged(deps.db.selectFrom(union.as('merged')).selectAll(), query.sort).limit(fetch).execute()
  }

  const page = pageOf(rows, query.limit, (row) => sortKeyOf(query.sort, row))
  const customers = await loadCustomerSummaries(deps.db, accountId, page.items.map((row) => row.customer_id))
  // Issue 7: SLA badge and "due in" for the whole page, one batch query.
  const slas = await loadSlaSummaries(deps.db, accountId, page.items.map((row) => row.id), deps.clock.now().toISOString())
  const noSla = { slaDueAt: null, slaState: null, slaMetric: null, slaPaused: false }

  return { items: page.items.map((row) => toTicketView(row, customers.get(row.customer_id), slas.get(row.id) ?? noSla)), nextCursor: page.nextCursor }
}
