import type { Expression, SqlBool } from 'kysely'
import { sql } from 'kysely'
import type { Executor } from '../db/database.ts'
import type { Viewer } from '../tickets/ticket-access.ts'

/** Supervisors and admins see every ticket of the account, restricted ones included. */
export function seesRestricted(viewer: Pick<Viewer, 'role'>): boolean {
  return viewer.role === 'admin' || viewer.role === 'supervisor'
}

interface Whereable<Q> {
  where(expression: Expression<SqlBool>): Q
}

/**
 * Leaves out tickets restricted to a team the viewer is not in (a legal or
 * physical threat: only that team and supervisors may read it). Works on any
 * query that has `tickets` in its FROM. Restricted tickets are rare, so the
 * NOT IN list stays short.
 */
export function hideRestrictedTickets<Q extends Whereable<Q>>(q: Q, viewer: Viewer): Q {
  if (seesRestricted(viewer)) return q
  const teams = viewer.teamIds.length > 0 ? viewer.teamIds : ['']

  return q.where(sql<SqlBool>`tickets.id not in (select r.ticket_id from ticket_restrictions r where r.account_id = ${viewer.accountId} and (r.team_id is null or r.team_id not in (${sql.join(teams)})))`)
}

/** For one ticket (get, patch, messages): may this viewer see it despite a restriction? */
export async function mayViewRestricted(db: Executor, viewer: Viewer, ticketId: string): Promise<boolean> {
  if (seesRestricted(viewer)) return true
  const restriction = await db.selectFrom('ticket_restrictions').select('team_id').where('ticket_id', '=', ticketId).executeTakeFirst()

  return !restriction || (restriction.team_id !== null && viewer.teamIds.includes(restriction.team_id))
}
