import type { EscalationView } from '@madoguchi/shared'
import { parseJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { toEscalationView } from './escalation.view.ts'

/** The supervisors' escalation queue (oldest open first), partner teams' escalations included. Two queries. */
export async function listEscalations(deps: Deps, principal: Principal, status: 'open' | 'resolved' | undefined, limit: number): Promise<{ items: EscalationView[] }> {
  let q = deps.db
    .selectFrom('escalations')
    .innerJoin('tickets', 'tickets.id', 'escalations.ticket_id')
    .leftJoin('ticket_restrictions', 'ticket_restrictions.ticket_id', 'escalations.ticket_id')
    .selectAll('escalations')
    .select(['tickets.number', 'tickets.subject', 'tickets.assignee_id', 'ticket_restrictions.ticket_id as restricted_ticket'])
    .where('escalations.account_id', '=', principal.accountId)
  if (status) q = q.where('escalations.status', '=', status)
  const rows = await q.orderBy('escalations.id', status === 'resolved' ? 'desc' : 'asc').limit(limit).execute()

  return { items: rows.map((r) => toEscalationView(r, r, r.restricted_ticket !== null)) }
}

/** Closes an escalation in the queue (the ticket itself goes on as it is). */
export async function resolveEscalation(deps: Deps, principal: Principal, id: string): Promise<EscalationView> {
  const at = deps.clock.now().toISOString()
  const row = isId(id)
    ? await deps.db.updateTable('escalations').set({ status: 'resolved', resolved_at: at }).where('account_id', '=', principal.accountId).where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst()
    : undefined
  if (!row) throw new AppError('escalation.not_found')
  const ticket = await deps.db.selectFrom('tickets').select(['number', 'subject', 'assignee_id']).where('id', '=', row.ticket_id).executeTakeFirst()

  return toEscalationView(row, ticket ?? null)
}

/** Escalations counted for reports: by reason and by receiving team, over an optional period. */
export async function countEscalations(deps: Deps, principal: Principal, from?: string, to?: string) {
  let q = deps.db.selectFrom('escalations').select(['reason', 'to_team_id', (eb) => eb.fn.countAll<number>().as('n')]).where('account_id', '=', principal.accountId)
  if (from) q = q.where('created_at', '>=', new Date(from).toISOString())
  if (to) q = q.where('created_at', '<', new Date(to).toISOString())
  const rows = await q.groupBy(['reason', 'to_team_id']).execute()
  const byReason: Record<string, number> = {}
  const byTeam: Record<string, number> = {}
  let total = 0
  for (const r of rows) {
    const n = Number(r.n)
    total += n
    byReason[r.reason] = (byReason[r.reason] ?? 0) + n
    const team = r.to_team_id ?? 'none'
    byTeam[team] = (byTeam[team] ?? 0) + n
  }

  return { total, byReason, byTeam }
}

/** The signed-in agent's notifications, newest first. */
export async function listMyNotifications(deps: Deps, principal: Principal, unreadOnly: boolean) {
  let q = deps.db.selectFrom('notifications').selectAll().where('account_id', '=', principal.accountId).where('agent_id', '=', principal.agentId)
  if (unreadOnly) q = q.where('read_at', 'is', null)
  const rows = await q.orderBy('id', 'desc').limit(100).execute()

  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, ticketId: r.ticket_id, data: parseJson<Record<string, unknown>>(r.data, {}), readAt: r.read_at, createdAt: r.created_at })),
  }
}
