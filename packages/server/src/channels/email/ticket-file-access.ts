import type { Executor } from '../../db/database.ts'
import { AppError } from '../../lib/app-error.ts'
import type { Viewer } from '../../tickets/ticket-access.ts'
import { loadVisibleTicket } from '../../tickets/ticket-access.ts'

/**
 * Files of a ticket (its attachments, the original .eml) follow the ticket's own
 * visibility: a partner outside its teams, or anyone outside the team of a
 * restricted (threat) ticket, gets the same 404 as for a file that does not exist.
 * Files without a ticket (a bounce, a refused mail) have nothing more to hide.
 */
export async function ensureTicketFileVisible(db: Executor, viewer: Viewer, ticketId: string | null): Promise<void> {
  if (ticketId === null) return
  try {
    await loadVisibleTicket(db, viewer, { id: ticketId })
  } catch (error) {
    if (error instanceof AppError && error.code === 'ticket.not_found') throw new AppError('attachment.not_found')
    throw error
  }
}
