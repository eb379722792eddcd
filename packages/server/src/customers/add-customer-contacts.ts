import type { ContactInput, CustomerView } from '@madoguchi/shared'
import { recordEvents } from '../audit/record-event.ts'
import type { Deps } from '../deps.ts'
import { attachContacts } from './attach-contacts.ts'
import { findContactsOf } from './customer.repo.ts'
import { toCustomerView } from './customer.view.ts'
import { lockWritableCustomer, touchCustomer } from './lock-writable-customer.ts'
import type { EventActor } from './resolve-customer-for-ticket.ts'

/** `POST /customers/:id/contacts`: one contact (409 `customer.contact_taken` if another customer has it). */
export async function addCustomerContacts(
  deps: Deps,
  command: { accountId: string; customerId: string; actor: EventActor; contacts: ContactInput[] },
): Promise<CustomerView> {
  const { accountId, customerId, actor } = command

  return deps.transact(async (trx) => {
    await lockWritableCustomer(trx, deps, accountId, customerId)
    const now = deps.clock.now().toISOString()
    const added = await attachContacts(trx, accountId, customerId, command.contacts, now)
    let customer = await lockWritableCustomer(trx, deps, accountId, customerId)
    if (added.length > 0) {
      customer = await touchCustomer(trx, accountId, customerId, now)
      await recordEvents(
        trx,
        added.map((c) => ({
          accountId,
          subjectType: 'customer' as const,
          subjectId: customerId,
          type: 'customer.contact_added',
          actor,
          field: 'contacts',
          after: { id: c.id, kind: c.kind, value: c.value, label: c.label, isPrimary: c.is_primary === 1 },
          at: now,
        })),
      )
    }

    return toCustomerView(customer, await findContactsOf(trx, accountId, [customerId]))
  })
}
