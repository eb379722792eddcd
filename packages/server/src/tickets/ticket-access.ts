import type { Executor, Trx } from '../db/database.ts'
import type { Dialect } from '../db/create-db.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { mayViewRestricted } from '../escalation/ticket-visibility.ts'
import { findTicketRow, findTicketRowByNumber, lockTicketRow } from './ticket.repo.ts'
import type { TicketRow } from './ticket.table.ts'

/** The parts of the caller that decide which tickets it may see. */
export type Viewer = Pick<Principal, 'accountId' | 'agentId' | 'role' | 'teamIds'>

/** A ticket as the API names it: its id, or its number (`123` or `#123`). */
export type TicketRef = { id: string } | { number: number }

const MAX_NUMBER = 2_147_483_647

/** Parses a path parameter; anything that cannot name a ticket is a 404 (never a 500). */
export function parseTicketRef(param: string): TicketRef {
  if (isId(param)) return { id: param }
  const match = /^#?([0-9]{1,10})$/.exec(param.trim())
  const number = match ? Number(match[1]) : NaN
  if (Number.isSafeInteger(number) && number >= 1 && number <= MAX_NUMBER) return { number }
  throw new AppError('ticket.not_found')
}

/** A partner sees only the tickets of its own teams; everyone else sees the account's. */
export function canSeeTicket(viewer: Viewer, row: Pick<TicketRow, 'team_id'>): boolean {
  return viewer.role !== 'partner' || (row.team_id !== null && viewer.teamIds.includes(row.team_id))
}

/** The ticket, or `ticket.not_found` when it does not exist or the viewer may not see it. */
export async function loadVisibleTicket(db: Executor, viewer: Viewer, ref: TicketRef): Promise<TicketRow> {
  const row = 'id' in ref ? await findTicketRow(db, viewer.accountId, ref.id) : await findTicketRowByNumber(db, viewer.accountId, ref.number)
  if (!row || !canSeeTicket(viewer, row)) throw new AppError('ticket.not_found')
  // Issue 7: a restricted ticket (legal/physical threat) exists only for its team and supervisors.
  if (!(await mayViewRestricted(db, viewer, row.id))) throw new AppError('ticket.not_found')

  return row
}

/** Like loadVisibleTicket, but locks the row for a change (see lockTicketRow). */
export async function lockVisibleTicket(trx: Trx, dialect: Dialect, viewer: Viewer, ref: TicketRef): Promise<TicketRow> {
  const id = 'id' in ref ? ref.id : (await findTicketRowByNumber(trx, viewer.accountId, ref.number))?.id
  const row = id === undefined ? undefined : await lockTicketRow(trx, dialect, viewer.accountId, id)
  if (!row || !canSeeTicket(viewer, row)) throw new AppError('ticket.not_found')
  if (!(await mayViewRestricted(trx, viewer, row.id))) throw new AppError('ticket.not_found')

  return row
}
