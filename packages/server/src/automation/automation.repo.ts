import type { AutomationAction, AutomationCondition } from '@madoguchi/shared'
import type { Executor } from '../db/database.ts'
import { parseJson } from '../db/json.ts'
import type { AutomationRuleRow } from './automation.table.ts'
import type { CompiledRule } from './evaluate-rules.ts'

export function compileRule(row: AutomationRuleRow): CompiledRule {
  return {
    id: row.id, name: row.name, position: Number(row.position),
    conditions: parseJson<AutomationCondition[]>(row.conditions, []), actions: parseJson<AutomationAction[]>(row.actions, []),
  }
}

/** Active triggers for one event, in order (position, then age). */
export async function loadTriggers(db: Executor, accountId: string, event: string): Promise<CompiledRule[]> {
  const rows = await db
    .selectFrom('automation_rules')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('kind', '=', 'trigger')
    .where('event', '=', event)
    .where('active', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .limit(1000)
    .execute()

  return rows.map(compileRule)
}
