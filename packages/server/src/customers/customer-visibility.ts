import type { ExpressionBuilder } from 'kysely'
import type { Role } from '@madoguchi/shared'
import type { Database, Executor } from '../db/database.ts'
import { AppError } from '../lib/app-error.ts'

/** Who is reading: enough of the principal to decide which customers they may see. */
export interface CustomerViewer {
  accountId: string
  role: Role
  teamIds: readonly string[]
}

/**
 * Partners (outsourced teams) see only customers who have a ticket in one of their
 * teams: their work needs those, and the rest of the customer base is none of their
 * business. Everyone else in the account sees every customer. A customer a partner
 * may not see answers 404, exactly like one that does not exist.
 */
export function isScoped(viewer: CustomerViewer): boolean {
  return viewer.role === 'partner'
}

export function visibleToPartner(teamIds: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'customers'>) =>
    eb.exists(
      eb
        .selectFrom('tickets')
        .select('tickets.id')
        .whereRef('tickets.account_id', '=', 'customers.account_id')
        .whereRef('tickets.customer_id', '=', 'customers.id')
        .where('tickets.team_id', 'in', teamIds.length > 0 ? [...teamIds] : ['-']),
    )
}

export async function assertCustomerVisible(db: Executor, viewer: CustomerViewer, customerId: string): Promise<void> {
  if (!isScoped(viewer)) return
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('account_id', '=', viewer.accountId)
    .where('id', '=', customerId)
    .where(visibleToPartner(viewer.teamIds))
    .executeTakeFirst()
  if (!row) throw new AppError('customer.not_found', { id: customerId })
}
