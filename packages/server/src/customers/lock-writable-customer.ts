import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { lockCustomer } from './customer.repo.ts'
import type { CustomerRow } from './customer.table.ts'

/** The customer a change applies to, locked; merged customers are read-only (their data moved). */
export async function lockWritableCustomer(trx: Trx, deps: Deps, accountId: string, customerId: string): Promise<CustomerRow> {
  const customer = await lockCustomer(trx, deps.dialect, accountId, customerId)
  if (!customer) throw new AppError('customer.not_found', { id: customerId })
  if (customer.merged_into_id) throw new AppError('customer.already_merged', { id: customerId, mergedIntoId: customer.merged_into_id })

  return customer
}

/** Contact changes are changes to the customer: lists ordered by update time show it. */
export async function touchCustomer(trx: Trx, accountId: string, customerId: string, now: string): Promise<CustomerRow> {
  return trx
    .updateTable('customers')
    .set({ updated_at: now })
    .where('account_id', '=', accountId)
    .where('id', '=', customerId)
    .returningAll()
    .executeTakeFirstOrThrow()
}
