import { api, query } from './client.ts'
import type {
  AccountView, AgentView, CreatedAgentView, CustomerLookupView, CustomerView, MessageView, Page, TeamView, TicketEventView,
  TicketView,
} from './types.ts'
import type { TicketFilter } from '../features/inbox/filters.ts'
import type { BreachingNextView, EscalationReason, EscalationView, NotificationView, TicketSlaView } from '@madoguchi/shared'
import type { ApiTokenView, CreatedApiTokenView, TicketCount, TicketCounts, TicketSort } from '@madoguchi/shared'
import type { UpdateAccountInput } from '@madoguchi/shared'

const V1 = '/api/v1'

export function filterParams(filter: TicketFilter): Record<string, string | undefined> {
  return {
    status: filter.status?.length ? filter.status.join(',') : undefined,
    assigneeId: filter.assigneeId,
    teamId: filter.teamId,
    tag: filter.tag,
    channel: filter.channel,
    priority: filter.priority,
    category: filter.category,
    customerId: filter.customerId,
  }
}

export const tickets = {
  list: (filter: TicketFilter, cursor?: string | null, limit = 50, signal?: AbortSignal, sort: TicketSort = 'updated') =>
    api.get<Page<TicketView>>(`${V1}/tickets${query({ ...filterParams(filter), sort: sort === 'updated' ? undefined : sort, cursor, limit })}`, { signal }),
  /** How many tickets a view holds: exact up to 10,000, then `capped`. */
  count: (filter: TicketFilter, signal?: AbortSignal) => api.get<TicketCount>(`${V1}/tickets/count${query(filterParams(filter))}`, { signal }),
  /** The same for several views in one request, answered in their order. */
  counts: (filters: TicketFilter[], signal?: AbortSignal) => api.post<TicketCounts>(`${V1}/tickets/counts`, { views: filters.map(filterParams) }, { signal }),
  get: (id: string) => api.get<TicketView>(`${V1}/tickets/${encodeURIComponent(id)}`),
  update: (id: string, patch: Partial<Pick<TicketView, 'status' | 'priority' | 'category' | 'assigneeId' | 'teamId' | 'tags' | 'subject'>>) =>
    api.patch<TicketView>(`${V1}/tickets/${encodeURIComponent(id)}`, patch),
  messages: (id: string, cursor?: string | null) =>
    api.get<Page<MessageView>>(`${V1}/tickets/${encodeURIComponent(id)}/messages${query({ cursor, limit: 100 })}`),
  events: (id: string, cursor?: string | null) =>
    api.get<Page<TicketEventView>>(`${V1}/tickets/${encodeURIComponent(id)}/events${query({ cursor, limit: 100 })}`),
  post: (id: string, kind: 'reply' | 'note', body: string, idempotencyKey?: string) =>
    api.post<MessageView>(`${V1}/tickets/${encodeURIComponent(id)}/messages`, { kind, body }, { idempotencyKey }),
  /** Subject prefix search (the list's `q`). */
  search: (q: string) => api.get<Page<TicketView>>(`${V1}/tickets${query({ q, limit: 10 })}`),
}

/** Every page of a cursor list, up to a sanity cap (threads are bounded in practice). */
export async function allPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await fetchPage(cursor)
    items.push(...page.items)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }

  return items
}

export type CustomerPatch = Partial<Pick<CustomerView,
  'displayName' | 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana' | 'preferredName' | 'language' |
  'birthday' | 'anniversary' | 'isVip' | 'vipReason' | 'handleWithCare' | 'careReason'>>

export const customers = {
  get: (id: string) => api.get<CustomerView>(`${V1}/customers/${encodeURIComponent(id)}`),
  update: (id: string, patch: CustomerPatch) => api.patch<CustomerView>(`${V1}/customers/${encodeURIComponent(id)}`, patch),
  lookup: (by: { crn?: string; email?: string; phone?: string }) =>
    api.get<CustomerLookupView>(`${V1}/customers/lookup${query(by)}`),
  search: (q: string) => api.get<Page<CustomerView>>(`${V1}/customers${query({ q, limit: 10 })}`),
  verifyContact: (id: string, contactId: string) =>
    api.post<CustomerView>(`${V1}/customers/${encodeURIComponent(id)}/contacts/${encodeURIComponent(contactId)}/verify`),
  addContact: (id: string, contact: { kind: string; value: string; verifiedAt?: string }) =>
    api.post<CustomerView>(`${V1}/customers/${encodeURIComponent(id)}/contacts`, contact),
  removeContact: (id: string, contactId: string) =>
    api.delete<CustomerView>(`${V1}/customers/${encodeURIComponent(id)}/contacts/${encodeURIComponent(contactId)}`),
  /** Moves everything of `sourceId` onto `intoId`; answers the survivor. */
  merge: (sourceId: string, intoId: string) => api.post<CustomerView>(`${V1}/customers/${encodeURIComponent(sourceId)}/merge`, { intoId }),
}

/** The caller's own API tokens; the secret is in the create answer only. */
export const tokens = {
  list: () => api.get<{ items: ApiTokenView[] }>(`${V1}/tokens`),
  create: (name: string, expiresAt: string | null) => api.post<CreatedApiTokenView>(`${V1}/tokens`, { name, expiresAt }),
  revoke: (id: string) => api.delete<void>(`${V1}/tokens/${encodeURIComponent(id)}`),
}

export const directory = {
  agents: () => api.get<Page<AgentView> | AgentView[]>(`${V1}/agents${query({ limit: 100 })}`).then(itemsOf),
  teams: () => api.get<Page<TeamView> | TeamView[]>(`${V1}/teams${query({ limit: 100 })}`).then(itemsOf),
  createAgent: (input: { email: string; name: string; role: string; teamIds: string[] }) =>
    api.post<CreatedAgentView>(`${V1}/agents`, input),
  updateAgent: (id: string, patch: Partial<Pick<AgentView, 'role' | 'teamIds' | 'active' | 'name'>>) =>
    api.patch<AgentView>(`${V1}/agents/${encodeURIComponent(id)}`, patch),
  createTeam: (input: { name: string; description?: string | null; isPartner: boolean }) => api.post<TeamView>(`${V1}/teams`, input),
  updateTeam: (id: string, patch: Partial<Pick<TeamView, 'name' | 'description' | 'isPartner'>>) =>
    api.patch<TeamView>(`${V1}/teams/${encodeURIComponent(id)}`, patch),
  account: () => api.get<AccountView>(`${V1}/account`),
  updateAccount: (patch: UpdateAccountInput) => api.patch<AccountView>(`${V1}/account`, patch),
}

function itemsOf<T>(result: Page<T> | T[]): T[] {
  return Array.isArray(result) ? result : result.items
}

// ---- SLA, escalation and notifications (issue 7, daily workspace) ----
export type { EscalationReason, EscalationView, NotificationView, TicketSlaView }
export type BreachingNextItem = BreachingNextView['items'][number]
export interface EscalationCounts { total: number; byReason: Record<string, number>; byTeam: Record<string, number> }

export const sla = {
  ofTicket: (id: string) => api.get<TicketSlaView>(`${V1}/tickets/${encodeURIComponent(id)}/sla`),
  breachingNext: (limit = 50) => api.get<{ items: BreachingNextItem[] }>(`${V1}/sla/breaching-next${query({ limit })}`),
}

export const escalations = {
  escalate: (ticketId: string, input: { reason: EscalationReason; note: string; amount?: number }) =>
    api.post<EscalationView>(`${V1}/tickets/${encodeURIComponent(ticketId)}/escalate`, input),
  ofTicket: (ticketId: string) => api.get<{ items: EscalationView[] }>(`${V1}/tickets/${encodeURIComponent(ticketId)}/escalations`),
  queue: (status: 'open' | 'resolved', limit = 100) => api.get<{ items: EscalationView[] }>(`${V1}/escalations${query({ status, limit })}`),
  counts: () => api.get<EscalationCounts>(`${V1}/escalations/counts`),
  acknowledge: (id: string) => api.post<EscalationView>(`${V1}/escalations/${encodeURIComponent(id)}/acknowledge`),
  resolve: (id: string) => api.post<EscalationView>(`${V1}/escalations/${encodeURIComponent(id)}/resolve`),
}

export const notifications = {
  list: (unreadOnly: boolean) => api.get<{ items: NotificationView[] }>(`${V1}/notifications${query({ unread: unreadOnly ? 'true' : undefined })}`),
  markRead: (id: string) => api.post<{ marked: number }>(`${V1}/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ marked: number }>(`${V1}/notifications/read-all`),
}
