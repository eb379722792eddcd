import type { TeamRoutingInput, TeamRoutingView } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { Executor } from '../db/database.ts'
import { toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import type { TicketRef } from '../tickets/ticket-access.ts'
import { lockVisibleTicket } from '../tickets/ticket-access.ts'
import { routeTicket, ticketUpdated } from './route-ticket.ts'
import type { Routed } from './route-ticket.ts'
import { escalationStepsOf, findTeamRouting } from './routing.repo.ts'
import type { TeamRoutingRow } from './routing.table.ts'

async function assertTeams(db: Executor, accountId: string, ids: string[]): Promise<void> {
  const wanted = [...new Set(ids.filter(isId))]
  const found = wanted.length === 0 ? [] : await db.selectFrom('teams').select('id').where('account_id', '=', accountId).where('id', 'in', wanted).execute()
  if (found.length !== new Set(ids).size) throw new AppError('team.not_found')
}

function toView(teamId: string, row: TeamRoutingRow | undefined): TeamRoutingView {
  return {
    teamId,
    mode: row?.mode ?? 'round_robin',
    autoAssign: row?.auto_assign === 1,
    respectCapacity: row ? row.respect_capacity === 1 : true,
    escalationSteps: escalationStepsOf(row),
  }
}

export async function getTeamRouting(deps: Deps, principal: Principal, teamId: string): Promise<TeamRoutingView> {
  await assertTeams(deps.db, principal.accountId, [teamId])

  return toView(teamId, await findTeamRouting(deps.db, principal.accountId, teamId))
}

/** Supervisors set a team's routing mode, auto-assignment, capacity rule and escalation path. */
export async function updateTeamRouting(deps: Deps, principal: Principal, teamId: string, input: TeamRoutingInput): Promise<TeamRoutingView> {
  const at = deps.clock.now().toISOString()
  await assertTeams(deps.db, principal.accountId, [teamId, ...(input.escalationSteps ?? []).map((s) => s.teamId)])

  return deps.transact(async (trx) => {
    const current = toView(teamId, await findTeamRouting(trx, principal.accountId, teamId))
    const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as TeamRoutingView
    const values = {
      mode: next.mode, auto_assign: next.autoAssign ? 1 : 0, respect_capacity: next.respectCapacity ? 1 : 0,
      escalation_steps: toJson(next.escalationSteps), updated_at: at,
    }
    await trx
      .insertInto('team_routing')
      .values({ team_id: teamId, account_id: principal.accountId, last_agent_id: null, ...values })
      .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
      .execute()
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'team.routing_updated', targetType: 'team', targetId: teamId, details: { ...input }, at })

    return next
  })
}

export async function getCategoryRoutes(deps: Deps, principal: Principal): Promise<{ routes: Record<string, string> }> {
  const rows = await deps.db.selectFrom('category_routes').select(['category', 'team_id']).where('account_id', '=', principal.accountId).execute()

  return { routes: Object.fromEntries(rows.map((r) => [r.category, r.team_id])) }
}

/** Replaces the category → owning team map (billing, logistics, product, legal…). */
export async function putCategoryRoutes(deps: Deps, principal: Principal, routes: Record<string, string | undefined>): Promise<{ routes: Record<string, string> }> {
  const entries = Object.entries(routes).filter((e): e is [string, string] => e[1] !== undefined)
  await assertTeams(deps.db, principal.accountId, entries.map(([, t]) => t))
  const at = deps.clock.now().toISOString()
  await deps.transact(async (trx) => {
    await trx.deleteFrom('category_routes').where('account_id', '=', principal.accountId).execute()
    if (entries.length > 0) await trx.insertInto('category_routes').values(entries.map(([category, team_id]) => ({ account_id: principal.accountId, category, team_id }))).execute()
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'routing.categories_updated', details: { routes: Object.fromEntries(entries) }, at })
  })

  return { routes: Object.fromEntries(entries) }
}

/** `POST /tickets/:id/route`: route an unassigned ticket now, whatever the team's auto-assign setting. */
export async function routeTicketNow(deps: Deps, principal: Principal, ref: TicketRef): Promise<{ ticketId: string; teamId: string | null; assigneeId: string | null; reason: Routed['reason'] }> {
  const at = deps.clock.now().toISOString()
  const routed = await deps.transact(async (trx) => {
    const ticket = await lockVisibleTicket(trx, deps.dialect, principal, ref)

    return routeTicket(trx, ticket, { at, dialect: deps.dialect, force: true, actor: { kind: 'agent', id: principal.agentId } })
  })
  if (routed.reason === 'assigned') deps.realtime.publish(principal.accountId, ticketUpdated(routed.ticket, ['assigneeId', 'teamId'], at))

  return { ticketId: routed.ticket.id, teamId: routed.ticket.team_id, assigneeId: routed.ticket.assignee_id, reason: routed.reason }
}
