import type { MessagePage, PageQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { listMessageRows } from './message.repo.ts'
import { decodeCursor, pageOf } from '../http/page-cursor.ts'
import type { TicketRef, Viewer } from './ticket-access.ts'
import { loadVisibleTicket } from './ticket-access.ts'
import { toMessageView } from './ticket-view.ts'

/** A ticket's conversation, oldest first (notes included: only agents call this). Two queries per page. */
export async function listTicketMessages(deps: Deps, viewer: Viewer, ref: TicketRef, page: PageQuery): Promise<MessagePage> {
  const ticket = await loadVisibleTicket(deps.db, viewer, ref)
  const after = page.cursor ? decodeCursor(page.cursor, 1)[0]! : null
  const rows = await listMessageRows(deps.db, viewer.accountId, ticket.id, after, page.limit + 1)
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => [row.id])

  return { items: items.map(toMessageView), nextCursor }
}
