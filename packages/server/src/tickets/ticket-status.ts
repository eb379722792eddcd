import type { Role, TicketStatus } from '@madoguchi/shared'
import { AppError } from '../lib/app-error.ts'
import type { TicketRow, TicketUpdate } from './ticket.table.ts'

const REOPENERS: readonly Role[] = ['admin', 'supervisor']

/**
 * Status rules an agent would expect:
 * - `new` is only where tickets start; nothing moves back to it.
 * - `closed` is final, except that a supervisor (or admin) may reopen it to `open`.
 * - every other move is allowed (e.g. solved → open when the matter comes back).
 */
export function assertStatusTransition(from: TicketStatus, to: TicketStatus, role: Role): void {
  if (from === to) return
  const allowed = from === 'closed' ? to === 'open' && REOPENERS.includes(role) : to !== 'new'
  if (!allowed) throw new AppError('ticket.invalid_transition', { from, to })
}

/** Timestamps that follow a status change: solving stamps solved_at, reopening clears it. */
export function statusTimestamps(row: Pick<TicketRow, 'solved_at' | 'waiting_since'>, to: TicketStatus, now: string): TicketUpdate {
  if (to === 'solved') return { solved_at: now, waiting_since: null }
  if (to === 'closed') return { solved_at: row.solved_at ?? now, waiting_since: null }

  return { solved_at: null }
}
