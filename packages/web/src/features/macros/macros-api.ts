import type { MacroAction, MacroView, RenderedMacroView } from '@madoguchi/shared'
import { api } from '../../api/client.ts'

export type { MacroAction, MacroView }
export type RenderedMacro = RenderedMacroView

export interface MacroDraft {
  name: string
  bodyJa: string | null
  bodyEn: string | null
  shared: boolean
  actions: MacroAction[]
}

const V1 = '/api/v1'

/** An empty language is sent as "none" (create: left out; edit: null clears it). */
function bodies(draft: MacroDraft, clear: null | undefined) {
  return { bodyJa: draft.bodyJa?.trim() ? draft.bodyJa : clear, bodyEn: draft.bodyEn?.trim() ? draft.bodyEn : clear }
}

export const macros = {
  list: () => api.get<{ items: MacroView[] }>(`${V1}/macros`).then((r) => r.items),
  create: (draft: MacroDraft) => api.post<MacroView>(`${V1}/macros`, { name: draft.name, shared: draft.shared, actions: draft.actions, ...bodies(draft, undefined) }),
  update: (id: string, draft: MacroDraft) => api.patch<MacroView>(`${V1}/macros/${encodeURIComponent(id)}`, { name: draft.name, actions: draft.actions, ...bodies(draft, null) }),
  delete: (id: string) => api.delete<void>(`${V1}/macros/${encodeURIComponent(id)}`),
  /** Fills the placeholders for one ticket; sends nothing. */
  render: (id: string, ticketId: string, locale?: 'ja' | 'en') =>
    api.post<RenderedMacro>(`${V1}/macros/${encodeURIComponent(id)}/render`, locale ? { ticketId, locale } : { ticketId }),
}
