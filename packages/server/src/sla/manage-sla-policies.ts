import type { CreateSlaPolicyInput, SlaPolicyView, UpdateSlaPolicyInput } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { findBusinessCalendar } from '../calendars/business-calendar.repo.ts'
import type { Executor } from '../db/database.ts'
import { toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId, newId } from '../lib/ids.ts'
import { deleteSlaPolicyRow, findSlaPolicy, insertSlaPolicy, listSlaPolicyRows, updateSlaPolicyRow } from './sla-policy.repo.ts'
import { toSlaPolicyView } from './sla-policy.view.ts'
import type { SlaPolicyUpdate } from './sla.table.ts'
import { bumpConfigVersion } from '../accounts/account-config.ts'

async function assertCalendar(db: Executor, accountId: string, calendarId: string | null | undefined): Promise<void> {
  if (calendarId && !(await findBusinessCalendar(db, accountId, calendarId))) throw new AppError('calendar.not_found')
}

export async function listSlaPolicies(deps: Deps, principal: Principal): Promise<{ items: SlaPolicyView[] }> {
  return { items: (await listSlaPolicyRows(deps.db, principal.accountId)).map(toSlaPolicyView) }
}

export async function getSlaPolicy(deps: Deps, principal: Principal, id: string): Promise<SlaPolicyView> {
  const row = isId(id) ? await findSlaPolicy(deps.db, principal.accountId, id) : undefined
  if (!row) throw new AppError('sla.policy_not_found')

  return toSlaPolicyView(row)
}

/**
 * Supervisors define policies; a policy applies to tickets created or re-targeted
 * (priority, category, VIP change) after it is saved — clocks already running keep
 * the targets they started with, as an agent would expect of a promise made.
 */
export async function createSlaPolicy(deps: Deps, principal: Principal, input: CreateSlaPolicyInput): Promise<SlaPolicyView> {
  const at = deps.clock.now().toISOString()
  await assertCalendar(deps.db, principal.accountId, input.calendarId)

  return deps.transact(async (trx) => {
    const row = await insertSlaPolicy(trx, {
      id: newId(), account_id: principal.accountId, name: input.name, calendar_id: input.calendarId ?? null,
      conditions: toJson(input.conditions), first_response_minutes: input.firstResponseMinutes ?? null,
      next_response_minutes: input.nextResponseMinutes ?? null, resolution_minutes: input.resolutionMinutes ?? null,
      warning_percent: input.warningPercent, pause_on_hold: input.pauseOnHold ? 1 : 0, position: input.position,
      active: input.active ? 1 : 0, created_at: at, updated_at: at,
    })
    await bumpConfigVersion(trx, principal.accountId)
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'sla_policy.created', targetType: 'sla_policy', targetId: row.id, details: { name: input.name }, ip: null, at })

    return toSlaPolicyView(row)
  })
}

export async function updateSlaPolicy(deps: Deps, principal: Principal, id: string, input: UpdateSlaPolicyInput): Promise<SlaPolicyView> {
  if (!isId(id)) throw new AppError('sla.policy_not_found')
  const at = deps.clock.now().toISOString()
  await assertCalendar(deps.db, principal.accountId, input.calendarId)
  const set: SlaPolicyUpdate = { updated_at: at }
  if (input.name !== undefined) set.name = input.name
  if (input.calendarId !== undefined) set.calendar_id = input.calendarId
  if (input.conditions !== undefined) set.conditions = toJson(input.conditions)
  if (input.firstResponseMinutes !== undefined) set.first_response_minutes = input.firstResponseMinutes
  if (input.nextResponseMinutes !== undefined) set.next_response_minutes = input.nextResponseMinutes
  if (input.resolutionMinutes !== undefined) set.resolution_minutes = input.resolutionMinutes
  if (input.warningPercent !== undefined) set.warning_percent = input.warningPercent
  if (input.pauseOnHold !== undefined) set.pause_on_hold = input.pauseOnHold ? 1 : 0
  if (input.position !== undefined) set.position = input.position
  if (input.active !== undefined) set.active = input.active ? 1 : 0

  return deps.transact(async (trx) => {
    const row = await updateSlaPolicyRow(trx, principal.accountId, id, set)
    if (!row) throw new AppError('sla.policy_not_found')
    await bumpConfigVersion(trx, principal.accountId)
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'sla_policy.updated', targetType: 'sla_policy', targetId: id, details: { fields: Object.keys(input) }, ip: null, at })

    return toSlaPolicyView(row)
  })
}

/** Deleting a policy keeps the clocks it started (history); new tickets no longer match it. */
export async function deleteSlaPolicy(deps: Deps, principal: Principal, id: string): Promise<void> {
  if (!isId(id)) throw new AppError('sla.policy_not_found')
  const at = deps.clock.now().toISOString()
  await deps.transact(async (trx) => {
    if (!(await deleteSlaPolicyRow(trx, principal.accountId, id))) throw new AppError('sla.policy_not_found')
    await bumpConfigVersion(trx, principal.accountId)
    await recordAudit(trx, { accountId: principal.accountId, actorId: principal.agentId, action: 'sla_policy.deleted', targetType: 'sla_policy', targetId: id, details: {}, ip: null, at })
  })
}
