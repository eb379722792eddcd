import type { TicketSort } from '@madoguchi/shared'
import type { Channel, MeView, TicketCategory, TicketPriority, TicketStatus, TicketView } from '../../api/types.ts'
import { OPEN_STATUSES } from '../../api/types.ts'
import { readStored, writeStored } from '../../lib/storage.ts'

/** What a list shows; the same fields as `GET /tickets` query parameters. */
export interface TicketFilter {
  status?: TicketStatus[]
  /** An agent id, `me` or `none`. */
  assigneeId?: string
  teamId?: string
  tag?: string
  channel?: Channel
  priority?: TicketPriority
  category?: TicketCategory
  customerId?: string
}

export const FILTER_KEYS = ['status', 'assigneeId', 'teamId', 'tag', 'channel', 'priority', 'category'] as const

export type BuiltInView = 'mine' | 'unassigned' | 'teams' | 'all'
export const BUILT_IN_VIEWS: BuiltInView[] = ['mine', 'unassigned', 'teams', 'all']

export interface SavedView {
  id: string
  name: string
  filter: TicketFilter
}

export function builtInFilter(view: BuiltInView, me: MeView, teamId?: string): TicketFilter {
  const status = [...OPEN_STATUSES]
  switch (view) {
    case 'mine':
      return { status, assigneeId: 'me' }
    case 'unassigned':
      return { status, assigneeId: 'none' }
    case 'teams':
      // `mine`: every team of the agent at once (the filter bar narrows to one).
      return { status, teamId: teamId ?? 'mine' }
    case 'all':
      return { status }
  }
}

/** Filter fields from the URL (`?priority=high&status=new,open`), over a base filter. */
export function filterFromSearch(base: TicketFilter, search: URLSearchParams): TicketFilter {
  const result: TicketFilter = { ...base }
  for (const key of FILTER_KEYS) {
    const value = search.get(key)
    if (value === null) continue
    if (key === 'status') result.status = value ? (value.split(',') as TicketStatus[]) : undefined
    else if (value === '') delete result[key]
    else (result as Record<string, string>)[key] = value
  }

  return result
}

export function searchFromFilter(filter: TicketFilter, base: TicketFilter): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = key === 'status' ? filter.status?.join(',') : filter[key]
    const baseValue = key === 'status' ? base.status?.join(',') : base[key]
    if ((value ?? '') !== (baseValue ?? '')) params.set(key, value ?? '')
  }
  const text = params.toString()

  return text ? `?${text}` : ''
}

/**
 * Whether a ticket still belongs in a list, so a row that someone else assigned
 * away or solved leaves the list live instead of lingering until reload.
 */
export function matchesFilter(ticket: TicketView, filter: TicketFilter, me: MeView): boolean {
  if (filter.status?.length && !filter.status.includes(ticket.status)) return false
  if (filter.assigneeId === 'me' && ticket.assigneeId !== me.id) return false
  if (filter.assigneeId === 'none' && ticket.assigneeId !== null) return false
  if (filter.assigneeId && !['me', 'none'].includes(filter.assigneeId) && ticket.assigneeId !== filter.assigneeId) return false
  if (filter.teamId === 'mine' && (ticket.teamId === null || !me.teamIds.includes(ticket.teamId))) return false
  if (filter.teamId && filter.teamId !== 'mine' && ticket.teamId !== filter.teamId) return false
  if (filter.tag && !ticket.tags.includes(filter.tag)) return false
  if (filter.channel && ticket.channel !== filter.channel) return false
  if (filter.priority && ticket.priority !== filter.priority) return false
  if (filter.category && ticket.category !== filter.category) return false
  if (filter.customerId && ticket.customer.id !== filter.customerId) return false

  return true
}

// Saved views live in this browser's localStorage for now (per agent); moving
// them to the server later only changes these two functions.
export function loadSavedViews(agentId: string): SavedView[] {
  return readStored<SavedView[]>(`views.${agentId}`, [])
}

export function storeSavedViews(agentId: string, views: SavedView[]): void {
  writeStored(`views.${agentId}`, views)
}

/** The server's orders (GET /tickets `sort`); every one pages by cursor. */
export type SortKey = TicketSort
export const SORT_KEYS = ['updated', 'created', 'priority', 'number'] as const satisfies readonly SortKey[]
const PRIORITY_RANK: Record<TicketPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 }
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)

/**
 * The server's order for `sort`, id last as its tie-breaker: negative when `a` comes
 * first. Lets a live refresh keep the rows loaded below the fresh first page in place.
 */
export function compareTickets(sort: SortKey): (a: TicketView, b: TicketView) => number {
  switch (sort) {
    case 'updated':
      return (a, b) => desc(a.updatedAt, b.updatedAt) || desc(a.id, b.id)
    case 'created':
      return (a, b) => desc(a.createdAt, b.createdAt) || desc(a.id, b.id)
    case 'number':
      return (a, b) => b.number - a.number
    case 'priority':
      return (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || desc(a.updatedAt, b.updatedAt) || desc(a.id, b.id)
  }
}
