import type { TicketCountQuery, TicketPriority, TicketStatus } from '@madoguchi/shared'
import type { SelectQueryBuilder } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { hideRestrictedTickets } from '../escalation/ticket-visibility.ts'
import type { Viewer } from './ticket-access.ts'

/** FROM tickets (joined to ticket_tags when a tag drives the scan), before any SELECT list. */
export type TicketSource = SelectQueryBuilder<Database, 'tickets' | 'ticket_tags', object>

/** One value of a split dimension: each becomes its own index range scan. */
export interface Branch {
  status?: TicketStatus
  teamId?: string
  priority?: TicketPriority
}

/** The list filters with their multi-valued parts resolved against the viewer. */
export interface TicketScope {
  filters: TicketCountQuery
  /** null: no team limit; empty: the viewer can see nothing of what was asked. */
  teams: string[] | null
  statuses: TicketStatus[] | null
}

/**
 * Teams a list is limited to. Partners never see past their own teams; `mine` means
 * every team of the caller (the "My teams" view), for any role.
 */
export function visibleTeams(viewer: Viewer, teamId: string | undefined): string[] | null {
  const own = viewer.role === 'partner' ? [...viewer.teamIds] : null
  if (teamId === undefined) return own
  if (teamId === 'mine') return [...viewer.teamIds]

  return own === null || own.includes(teamId) ? [teamId] : []
}

export function ticketScope(viewer: Viewer, filters: TicketCountQuery): TicketScope {
  return {
    filters,
    teams: visibleTeams(viewer, filters.teamId),
    statuses: filters.status ? [...new Set(filters.status)] : null,
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The WHERE of the ticket list, shared by the list and its count so both always
 * agree on what a view contains (visibility rules included).
 */
export function filteredTickets(deps: Deps, viewer: Viewer, scope: TicketScope, branch: Branch = {}): TicketSource {
  const { accountId } = viewer
  const { filters, teams, statuses } = scope
  const like = deps.dialect === 'postgres' ? 'ilike' : 'like'
  // With a tag, the tag rows drive the scan: their (account, tag, updated_at,
  // ticket) index is already in list order (see migration ..._ticket_tags_sort_key).
  const tag = filters.tag
  let q: TicketSource =
    tag === undefined
      ? (deps.db.selectFrom('tickets') as unknown as TicketSource)
      : deps.db
          .selectFrom('ticket_tags')
          .innerJoin('tickets', 'tickets.id', 'ticket_tags.ticket_id')
          .where('ticket_tags.account_id', '=', accountId)
          .where('ticket_tags.tag', '=', tag)
  const sortTime = tag === undefined ? 'tickets.updated_at' : 'ticket_tags.updated_at'
  q = q.where('tickets.account_id', '=', accountId)
  if (branch.status !== undefined) q = q.where('tickets.status', '=', branch.status)
  else if (statuses) q = q.where('tickets.status', 'in', statuses)
  if (branch.teamId !== undefined) q = q.where('tickets.team_id', '=', branch.teamId)
  else if (teams) q = q.where('tickets.team_id', 'in', teams.length > 0 ? teams : [''])
  if (branch.priority !== undefined) q = q.where('tickets.priority', '=', branch.priority)
  else if (filters.priority !== undefined) q = q.where('tickets.priority', '=', filters.priority)
  if (filters.assigneeId === 'none') q = q.where('tickets.assignee_id', 'is', null)
  else if (filters.assigneeId !== undefined) q = q.where('tickets.assignee_id', '=', filters.assigneeId === 'me' ? viewer.agentId : filters.assigneeId)
  if (filters.customerId !== undefined) q = q.where('tickets.customer_id', '=', filters.customerId)
  if (filters.channel !== undefined) q = q.where('tickets.channel', '=', filters.channel)
  if (filters.category !== undefined) q = q.where('tickets.category', '=', filters.category)
  if (filters.updatedSince !== undefined) q = q.where(sortTime, '>=', new Date(filters.updatedSince).toISOString())
  // Case-insensitive on both (SQLite's LIKE already is, for ASCII). SQLite has no
  // default LIKE escape character; name one so `%` and `_` are literal.
  if (filters.q !== undefined) q = q.where(sql<boolean>`tickets.subject ${sql.raw(like)} ${`${escapeLike(filters.q)}%`} escape '\\'`)

  // Issue 7: tickets restricted to the legal team (threats) are hidden from everyone else but supervisors.
  return hideRestrictedTickets(q, viewer)
}
