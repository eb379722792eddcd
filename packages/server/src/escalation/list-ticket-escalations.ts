import type { EscalationView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { TicketRef, Viewer } from '../tickets/ticket-access.ts'
import { loadVisibleTicket } from '../tickets/ticket-access.ts'
import { toEscalationView } from './escalation.view.ts'

/**
 * A ticket's escalation history, oldest first, for whoever may see the ticket
 * (a restricted ticket answers 404 to everyone else, as the ticket itself does).
 */
export async function listTicketEscalations(deps: Deps, viewer: Viewer, ref: TicketRef): Promise<{ items: EscalationView[] }> {
  const ticket = await loadVisibleTicket(deps.db, viewer, ref)
  const [rows, restriction] = await Promise.all([
    deps.db.selectFrom('escalations').selectAll().where('account_id', '=', ticket.account_id).where('ticket_id', '=', ticket.id).orderBy('id').execute(),
    deps.db.selectFrom('ticket_restrictions').select('ticket_id').where('ticket_id', '=', ticket.id).executeTakeFirst(),
  ])

  return { items: rows.map((row) => toEscalationView(row, ticket, restriction !== undefined)) }
}
