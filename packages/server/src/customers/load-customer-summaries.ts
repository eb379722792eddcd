import type { CustomerSummary } from '@madoguchi/shared'
import type { Executor } from '../db/database.ts'
import { toCustomerSummary } from './customer.view.ts'

/**
 * What ticket lists show about each ticket's customer, for a whole page in ONE query
 * (no N+1). Unknown ids are simply absent from the map.
 */
export async function loadCustomerSummaries(db: Executor, accountId: string, ids: readonly string[]): Promise<Map<string, CustomerSummary>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'crn', 'display_name', 'is_vip', 'handle_with_care'])
    .where('account_id', '=', accountId)
    .where('id', 'in', unique)
    .execute()

  return new Map(rows.map((row) => [row.id, toCustomerSummary(row)]))
}
