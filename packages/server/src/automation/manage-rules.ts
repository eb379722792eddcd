import type { CreateRuleInput, RuleView, UpdateRuleInput } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId, newId } from '../lib/ids.ts'
import type { AutomationRuleRow } from './automation.table.ts'
import { compileRule } from './automation.repo.ts'
import { bumpConfigVersion } from '../accounts/account-config.ts'

export function toRuleView(row: AutomationRuleRow): RuleView {
  const c = compileRule(row)

  return {
    id: row.id, name: row.name, kind: row.kind, event: (row.event ?? null) as RuleView['event'], conditions: [...c.conditions], actions: [...c.actions],
    position: c.position, active: row.active === 1, createdAt: row.created_at, updatedAt: row.updated_at,
  }
}

export async function listRules(deps: Deps, principal: Principal): Promise<{ items: RuleView[] }> {
  const rows = await deps.db.selectFrom('automation_rules').selectAll().where('account_id', '=', principal.accountId).orderBy('kind').orderBy('position').orderBy('id').limit(1000).execute()

  return { items: rows.map(toRuleView) }
}

export async function createRule(deps: Deps, principal: Principal, input: CreateRuleInput): Promise<RuleView> {
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    const row = await trx.insertInto('automation_rules').values({
      id: newId(), account_id: principal.accountId, name: input.name, kind: input.kind, event: input.kind === 'trigger' ? (input.event ?? null) : null,
      conditions: toJson(input.conditions), actions: toJson(input.actions), position: input.position, active: input.active ? 1 : 0, created_at: at, updated_at: at,
    }).returningAll().executeTakeFirstOrThrow()
    await bumpConfigVersion(trx, principal.accountId)
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'automation.rule_created', targetType: 'automation_rule', targetId: row.id, details: { name: input.name }, at })

    return toRuleView(row)
  })
}

export async function updateRule(deps: Deps, principal: Principal, id: string, input: UpdateRuleInput): Promise<RuleView> {
  if (!isId(id)) throw new AppError('automation.rule_not_found')
  const at = deps.clock.now().toISOString()
  const set: Record<string, unknown> = { updated_at: at }
  if (input.name !== undefined) set.name = input.name
  if (input.event !== undefined) set.event = input.event
  if (input.conditions !== undefined) set.conditions = toJson(input.conditions)
  if (input.actions !== undefined) set.actions = toJson(input.actions)
  if (input.position !== undefined) set.position = input.position
  if (input.active !== undefined) set.active = input.active ? 1 : 0

  return deps.transact(async (trx) => {
    const row = await trx.updateTable('automation_rules').set(set).where('account_id', '=', principal.accountId).where('id', '=', id).returningAll().executeTakeFirst()
    if (!row) throw new AppError('automation.rule_not_found')
    await bumpConfigVersion(trx, principal.accountId)
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'automation.rule_updated', targetType: 'automation_rule', targetId: id, details: { fields: Object.keys(input) }, at })

    return toRuleView(row)
  })
}

export async function deleteRule(deps: Deps, principal: Principal, id: string): Promise<void> {
  if (!isId(id)) throw new AppError('automation.rule_not_found')
  const at = deps.clock.now().toISOString()
  await deps.transact(async (trx) => {
    const result = await trx.deleteFrom('automation_rules').where('account_id', '=', principal.accountId).where('id', '=', id).executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) throw new AppError('automation.rule_not_found')
    await bumpConfigVersion(trx, principal.accountId)
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'automation.rule_deleted', targetType: 'automation_rule', targetId: id, at })
  })
}
