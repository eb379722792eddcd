import type {
  AutomationAction, AutomationCondition, DryRunView, HypotheticalTicket, RuleView, TeamRoutingView, TriggerEvent,
} from '@madoguchi/shared'
import { api, request } from '../../api/client.ts'

const V1 = '/api/v1'

export interface RuleDraft {
  name: string
  kind: 'trigger' | 'time'
  event: TriggerEvent | null
  conditions: AutomationCondition[]
  actions: AutomationAction[]
  position: number
  active: boolean
}

/** `at`: when to judge business-hours conditions (now when absent). */
export type DryRunRequest = { event: TriggerEvent; at?: string } & ({ ticketId: string } | { ticket: Partial<HypotheticalTicket> })

export const automation = {
  rules: () => api.get<{ items: RuleView[] }>(`${V1}/automation/rules`).then((r) => r.items),
  createRule: (draft: RuleDraft) => api.post<RuleView>(`${V1}/automation/rules`, draft),
  updateRule: (id: string, patch: Partial<RuleDraft>) => api.patch<RuleView>(`${V1}/automation/rules/${encodeURIComponent(id)}`, patch),
  deleteRule: (id: string) => api.delete<void>(`${V1}/automation/rules/${encodeURIComponent(id)}`),
  dryRun: (input: DryRunRequest) => api.post<DryRunView>(`${V1}/automation/dry-run`, input),
}

export type CategoryRoutes = Record<string, string>

export const routing = {
  team: (teamId: string) => api.get<TeamRoutingView>(`${V1}/teams/${encodeURIComponent(teamId)}/routing`),
  updateTeam: (teamId: string, patch: Partial<Pick<TeamRoutingView, 'mode' | 'autoAssign' | 'respectCapacity' | 'escalationSteps'>>) =>
    api.patch<TeamRoutingView>(`${V1}/teams/${encodeURIComponent(teamId)}/routing`, patch),
  categories: () => api.get<{ routes: CategoryRoutes }>(`${V1}/routing/categories`).then((r) => r.routes),
  setCategories: (routes: CategoryRoutes) => request<{ routes: CategoryRoutes }>('PUT', `${V1}/routing/categories`, { routes }).then((r) => r.routes),
}
