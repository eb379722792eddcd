import type { ListTicketsQuery, TicketPage, TicketStatus } from '@madoguchi/shared'
import type { SelectQueryBuilder } from 'kysely'
import { sql } from 'kysely'
import { loadCustomerSummaries } from '../customers/resolve-customer-for-ticket.ts'
import type { Database } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { loadSlaSummaries } from '../sla/load-sla-summaries.ts'
import { hideRestrictedTickets } from '../escalation/ticket-visibility.ts'
import { decodeCursor, pageOf } from '../http/page-cursor.ts'
import type { Viewer } from './ticket-access.ts'
import type { TicketRow } from './ticket.table.ts'
import { toTicketView } from './ticket-view.ts'

type TicketQuery = SelectQueryBuilder<Database, 'tickets' | 'ticket_tags', TicketRow>

/** One value of a split dimension: each becomes its own index range scan. */
interface Branch {
  status?: TicketStatus
  teamId?: string
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * Most recently updated first, one page at a time: exactly two queries whatever the
 * page size (tickets, then their customers in one batch).
 *
 * Every filter has an index ending in (updated_at, id), so a page is a short index
 * range scan. A filter on several values (`status=new,open`, or a partner's several
 * teams) would defeat that — the database would gather every match and sort — so
 * it is split into one range scan per value, each limited to a page, merged by a
 * UNION ALL in the same single query.
 */
export async function listTickets(deps: Deps, viewer: Viewer, query: ListTicketsQuery): Promise<TicketPage> {
  const { accountId } = viewer
  let teams: string[] | null = viewer.role === 'partner' ? [...viewer.teamIds] : null
  if (query.teamId !== undefined) teams = teams === null || teams.includes(query.teamId) ? [query.teamId] : []
  if (teams !== null && teams.length === 0) return { items: [], nextCursor: null }
  const statuses = query.status ? [...new Set(query.status)] : null
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null
  const fetch = query.limit + 1
  const like = deps.dialect === 'postgres' ? 'ilike' : 'like'

  const filtered = (branch: Branch): TicketQuery => {
    // With a tag, the tag rows drive the scan: their (account, tag, updated_at,
    // ticket) index is already in list order (see migration ..._ticket_tags_sort_key).
    const tag = query.tag
    let q: TicketQuery =
      tag === undefined
        ? (deps.db.selectFrom('tickets').selectAll('tickets') as unknown as TicketQuery)
        : deps.db
            .selectFrom('ticket_tags')
            .innerJoin('tickets', 'tickets.id', 'ticket_tags.ticket_id')
            .selectAll('tickets')
            .where('ticket_tags.account_id', '=', accountId)
            .where('ticket_tags.tag', '=', tag)
    const [sortTime, sortId] = tag === undefined ? (['tickets.updated_at', 'tickets.id'] as const) : (['ticket_tags.updated_at', 'ticket_tags.ticket_id'] as const)
    q = q.where('tickets.account_id', '=', accountId)
    if (branch.status !== undefined) q = q.where('tickets.status', '=', branch.status)
    else if (statuses) q = q.where('tickets.status', 'in', statuses)
    if (branch.teamId !== undefined) q = q.where('tickets.team_id', '=', branch.teamId)
    else if (teams) q = q.where('tickets.team_id', 'in', teams)
    if (query.assigneeId === 'none') q = q.where('tickets.assignee_id', 'is', null)
    else if (query.assigneeId !== undefined) q = q.where('tickets.assignee_id', '=', query.assigneeId === 'me' ? viewer.agentId : query.assigneeId)
    if (query.customerId !== undefined) q = q.where('tickets.customer_id', '=', query.customerId)
    if (query.channel !== undefined) q = q.where('tickets.channel', '=', query.channel)
    if (query.priority !== undefined) q = q.where('tickets.priority', '=', query.priority)
    if (query.category !== undefined) q = q.where('tickets.category', '=', query.category)
    if (query.updatedSince !== undefined) q = q.where(sortTime, '>=', new Date(query.updatedSince).toISOString())
    // Case-insensitive on both (SQLite's LIKE already is, for ASCII). SQLite has no
    // default LIKE escape character; name one so `%` and `_` are literal.
    if (query.q !== undefined) q = q.where(sql<boolean>`tickets.subject ${sql.raw(like)} ${`${escapeLike(query.q)}%`} escape '\\'`)
    if (cursor) q = q.where((eb) => eb(eb.refTuple(sortTime, sortId), '<', eb.tuple(cursor[0]!, cursor[1]!)))
    // Issue 7: tickets restricted to the legal team (threats) are hidden from everyone else but supervisors.
    q = hideRestrictedTickets(q, viewer)

    return q.orderBy(sortTime, 'desc').orderBy(sortId, 'desc').limit(fetch)
  }

  const branches: Branch[] =
    statuses && statuses.length > 1 ? statuses.map((status) => ({ status }))
    : teams && teams.length > 1 ? teams.map((teamId) => ({ teamId }))
    : [{}]
  let rows: TicketRow[]
  if (branches.length === 1) {
    rows = await filtered(branches[0]!).execute()
  } else {
    const parts = branches.map((branch, i) => deps.db.selectFrom(filtered(branch).as(`b${i}`)).selectAll())
    const union = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!)
    rows = await deps.db.selectFrom(union.as('merged')).selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(fetch).execute()
  }

  const page = pageOf(rows, query.limit, (row) => [row.updated_at, row.id])
  const customers = await loadCustomerSummaries(deps.db, accountId, page.items.map((row) => row.customer_id))
  // Issue 7: SLA badge and "due in" for the whole page, one batch query.
  const slas = await loadSlaSummaries(deps.db, accountId, page.items.map((row) => row.id), deps.clock.now().toISOString())
  const noSla = { slaDueAt: null, slaState: null, slaMetric: null, slaPaused: false }

  return { items: page.items.map((row) => toTicketView(row, customers.get(row.customer_id), slas.get(row.id) ?? noSla)), nextCursor: page.nextCursor }
}
