import type { TicketView } from '@madoguchi/shared'
import { loadCustomerSummaries } from '../customers/resolve-customer-for-ticket.ts'
import type { Executor } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import type { TicketRef, Viewer } from './ticket-access.ts'
import { loadVisibleTicket } from './ticket-access.ts'
import type { TicketRow } from './ticket.table.ts'
import { toTicketView } from './ticket-view.ts'

export async function getTicket(deps: Deps, viewer: Viewer, ref: TicketRef): Promise<TicketView> {
  return viewTicketRow(deps.db, await loadVisibleTicket(deps.db, viewer, ref))
}

/** A ticket row with its customer summary, as the API shows it. */
export async function viewTicketRow(db: Executor, row: TicketRow): Promise<TicketView> {
  const customers = await loadCustomerSummaries(db, row.account_id, [row.customer_id])

  return toTicketView(row, customers.get(row.customer_id))
}
