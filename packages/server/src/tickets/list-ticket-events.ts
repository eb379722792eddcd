import type { PageQuery, TicketEventPage } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { decodeCursor, pageOf } from '../http/page-cursor.ts'
import type { TicketRef, Viewer } from './ticket-access.ts'
import { loadVisibleTicket } from './ticket-access.ts'
import { toTicketEventView } from './ticket-view.ts'

/** A ticket's change log, oldest first (event ids are time-ordered). Two queries per page. */
export async function listTicketEvents(deps: Deps, viewer: Viewer, ref: TicketRef, page: PageQuery): Promise<TicketEventPage> {
  const ticket = await loadVisibleTicket(deps.db, viewer, ref)
  const after = page.cursor ? decodeCursor(page.cursor, 1)[0]! : null
  let query = deps.db
    .selectFrom('events')
    .selectAll()
    .where('subject_type', '=', 'ticket')
    .where('subject_id', '=', ticket.id)
    .where('account_id', '=', viewer.accountId)
  if (after !== null) query = query.where('id', '>', after)
  const rows = await query.orderBy('id', 'asc').limit(page.limit + 1).execute()
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => [row.id])

  return { items: items.map(toTicketEventView), nextCursor }
}
