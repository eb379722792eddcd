import type { CustomerEventListView, CustomerEventView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { EventRow } from '../audit/audit.table.ts'
import { parseJson } from '../db/json.ts'
import { AppError } from '../lib/app-error.ts'
import { decodeCursor, encodeCursor } from '../http/page-cursor.ts'
import { findCustomerById } from './customer.repo.ts'
import type { CustomerViewer } from './customer-visibility.ts'
import { assertCustomerVisible } from './customer-visibility.ts'

/**
 * `GET /customers/:id/events`: the customer's change log, oldest first, including
 * the history of customers merged into it (merging moves data, it loses no history).
 */
export async function listCustomerEvents(
  deps: Deps,
  viewer: CustomerViewer,
  customerId: string,
  page: { cursor?: string; limit: number },
): Promise<CustomerEventListView> {
  const { accountId } = viewer
  const customer = await findCustomerById(deps.db, accountId, customerId)
  if (!customer) throw new AppError('customer.not_found', { id: customerId })
  await assertCustomerVisible(deps.db, viewer, customer.merged_into_id ?? customer.id)
  const after = decodeCursor(page.cursor, 1)?.[0]
  const merged = await deps.db
    .selectFrom('customers')
    .select('id')
    .where('account_id', '=', accountId)
    .where('merged_into_id', '=', customerId)
    .execute()
  let query = deps.db
    .selectFrom('events')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('subject_type', '=', 'customer')
    .where('subject_id', 'in', [customerId, ...merged.map((m) => m.id)])
  if (after) query = query.where('id', '>', after)
  const rows = await query.orderBy('id').limit(page.limit + 1).execute()
  const items = rows.slice(0, page.limit)
  const last = items[items.length - 1]

  return { items: items.map(toEventView), nextCursor: rows.length > page.limit && last ? encodeCursor([last.id]) : null }
}

function toEventView(row: EventRow): CustomerEventView {
  return {
    id: row.id,
    customerId: row.subject_id,
    type: row.type,
    actor: { kind: row.actor_kind, id: row.actor_id },
    field: row.field,
    before: parseJson<unknown>(row.before, null),
    after: parseJson<unknown>(row.after, null),
    createdAt: row.created_at,
  }
}
