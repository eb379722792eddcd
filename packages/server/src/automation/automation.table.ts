import type { Generated, Selectable } from 'kysely'

export interface AutomationRuleTable {
  id: string
  account_id: string
  name: string
  kind: 'trigger' | 'time'
  event: string | null
  /** JSON text: conditions (see shared/automation.ts) */
  conditions: Generated<string>
  /** JSON text: actions */
  actions: Generated<string>
  position: Generated<number>
  active: Generated<number>
  created_at: string
  updated_at: string
}
export type AutomationRuleRow = Selectable<AutomationRuleTable>

export interface AutomationRuleRunTable {
  rule_id: string
  ticket_id: string
  run_key: string
  created_at: string
}

export interface MacroTable {
  id: string
  account_id: string
  /** null: shared with the whole account */
  owner_agent_id: string | null
  name: string
  body_ja: string | null
  body_en: string | null
  /** JSON text: ticket changes offered with the text (shared/automation.ts macroAction) */
  actions: Generated<string>
  created_at: string
  updated_at: string
}
export type MacroRow = Selectable<MacroTable>
