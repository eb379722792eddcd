import type { CustomerLookupView, LookupCustomerQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { normalizeEmail, normalizePhone } from '../lib/contact-normalize.ts'
import { parseCrn } from '../lib/crn.ts'
import { findContactByValue, findContactsOf, findCustomerByCrn, findCustomerById, followMerges } from './customer.repo.ts'
import type { CustomerRow } from './customer.table.ts'
import type { CustomerViewer } from './customer-visibility.ts'
import { assertCustomerVisible } from './customer-visibility.ts'
import { toCustomerView } from './customer.view.ts'

/**
 * `GET /customers/lookup?crn=|email=|phone=`: the customer as typed by an agent on
 * the phone. A CRN whose check symbol does not match is refused (422
 * `customer.crn_invalid`) rather than matched to anyone; a merged customer's CRN
 * resolves to the survivor, naming the merged one in `mergedFrom`.
 */
export async function lookupCustomer(deps: Deps, viewer: CustomerViewer, query: LookupCustomerQuery): Promise<CustomerLookupView> {
  const { accountId } = viewer
  let found: CustomerRow | undefined
  if (query.crn !== undefined) {
    const crn = parseCrn(query.crn)
    if (!crn) throw new AppError('customer.crn_invalid', { crn: query.crn })
    found = await findCustomerByCrn(deps.db, accountId, crn)
  } else {
    const [kind, value] = query.email !== undefined ? (['email', normalizeEmail(query.email)] as const) : (['phone', normalizePhone(query.phone ?? '')] as const)
    const contact = await findContactByValue(deps.db, accountId, kind, value)
    if (contact) found = await findCustomerById(deps.db, accountId, contact.customer_id)
  }
  if (!found) throw new AppError('customer.not_found', query)
  const customer = await followMerges(deps.db, accountId, found)
  await assertCustomerVisible(deps.db, viewer, customer.id)
  const contacts = await findContactsOf(deps.db, accountId, [customer.id])

  return { ...toCustomerView(customer, contacts), mergedFrom: customer.id === found.id ? null : { id: found.id, crn: found.crn } }
}
