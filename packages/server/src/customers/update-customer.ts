import type { CustomerView, UpdateCustomerInput } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { indexCustomer } from '../search/search-documents.ts'
import { retargetCustomerSlas } from '../sla/retarget-customer-slas.ts'
import { FIELD_COLUMNS, toApiValue, toColumnValue } from './customer-fields.ts'
import type { CustomerField } from './customer-fields.ts'
import { findContactsOf } from './customer.repo.ts'
import { lockWritableCustomer } from './lock-writable-customer.ts'
import type { CustomerRow } from './customer.table.ts'
import { toCustomerView } from './customer.view.ts'
import type { EventActor } from './resolve-customer-for-ticket.ts'

export interface UpdateCustomerCommand {
  accountId: string
  customerId: string
  actor: EventActor
  input: UpdateCustomerInput
}

/**
 * `PATCH /customers/:id`: changes only the fields sent, and records one
 * `customer.updated` event per changed field (field, before, after) in the same
 * transaction. Turning a flag off clears its reason; turning it on needs one.
 */
export async function updateCustomer(deps: Deps, { accountId, customerId, actor, input }: UpdateCustomerCommand): Promise<CustomerView> {
  return deps.transact(async (trx) => {
    const current = await lockWritableCustomer(trx, deps, accountId, customerId)

    const wanted: Partial<Record<CustomerField, unknown>> = { ...input }
    if (input.isVip === false && input.vipReason === undefined) wanted.vipReason = null
    if (input.handleWithCare === false && input.careReason === undefined) wanted.careReason = null
    const next: Record<string, unknown> = { ...current }
    for (const [field, value] of Object.entries(wanted) as [CustomerField, unknown][]) next[FIELD_COLUMNS[field]] = toColumnValue(field, value)
    requireReasons(next as CustomerRow)

    const now = deps.clock.now().toISOString()
    const changes: Record<string, unknown> = {}
    const events: EventInput[] = []
    for (const field of Object.keys(wanted) as CustomerField[]) {
      const column = FIELD_COLUMNS[field]
      if (next[column] === current[column] || (field === 'lifetimeValue' && Number(next[column]) === Number(current[column]))) continue
      changes[column] = next[column]
      events.push({
        accountId,
        subjectType: 'customer',
        subjectId: customerId,
        type: 'customer.updated',
        actor,
        field,
        before: toApiValue(field, current[column]),
        after: toApiValue(field, next[column]),
        at: now,
      })
    }
    if (events.length === 0) return toCustomerView(current, await findContactsOf(trx, accountId, [customerId]))
    if ('marketing_consent' in changes) changes.marketing_consent_at = now
    const updated = await trx
      .updateTable('customers')
      .set({ ...changes, updated_at: now })
      .where('account_id', '=', accountId)
      .where('id', '=', customerId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvents(trx, events)
    // Issue 6 hook: names, reading, organization may have changed.
    await indexCustomer(trx, deps.dialect, updated)
    // Issue 7 hook: a VIP change re-targets the SLA clocks of the customer's open tickets.
    if ('is_vip' in changes) await retargetCustomerSlas(trx, accountId, customerId, now)

    return toCustomerView(updated, await findContactsOf(trx, accountId, [customerId]))
  })
}

/** Flags are shown to every next agent: a flag without its reason helps nobody. */
function requireReasons(row: CustomerRow): void {
  const issues = []
  if (row.is_vip === 1 && !row.vip_reason) issues.push({ path: 'vipReason', code: 'custom', message: 'a reason is required for VIP customers' })
  if (row.handle_with_care === 1 && !row.care_reason) {
    issues.push({ path: 'careReason', code: 'custom', message: 'a reason is required for "handle with care"' })
  }
  if (issues.length > 0) throw new AppError('request.validation_failed', issues)
}
