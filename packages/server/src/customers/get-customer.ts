import type { CustomerView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { findContactsOf, findCustomerById } from './customer.repo.ts'
import type { CustomerViewer } from './customer-visibility.ts'
import { assertCustomerVisible } from './customer-visibility.ts'
import { toCustomerView } from './customer.view.ts'

/**
 * `GET /customers/:id`. A merged customer is returned as it is, with `mergedIntoId`
 * set, so that old links still open and clients can move on to the survivor.
 */
export async function getCustomer(deps: Deps, viewer: CustomerViewer, id: string): Promise<CustomerView> {
  const customer = await findCustomerById(deps.db, viewer.accountId, id)
  if (!customer) throw new AppError('customer.not_found', { id })
  await assertCustomerVisible(deps.db, viewer, customer.merged_into_id ?? customer.id)

  return toCustomerView(customer, await findContactsOf(deps.db, viewer.accountId, [customer.id]))
}
