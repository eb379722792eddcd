import type { CreateCustomerInput, CustomerView } from '@madoguchi/shared'
import { recordEvent } from '../audit/record-event.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { indexCustomer } from '../search/search-documents.ts'
import { attachContacts } from './attach-contacts.ts'
import { FIELD_COLUMNS, deriveDisplayName, toColumnValue } from './customer-fields.ts'
import type { CustomerField } from './customer-fields.ts'
import { findContactsOf, insertCustomer } from './customer.repo.ts'
import type { NewCustomerRow } from './customer.table.ts'
import { toCustomerView } from './customer.view.ts'
import type { EventActor } from './resolve-customer-for-ticket.ts'

export interface CreateCustomerCommand {
  accountId: string
  actor: EventActor
  input: CreateCustomerInput
}

/** `POST /customers`: a customer with a fresh CRN and its contacts, in one transaction. */
export async function createCustomer(deps: Deps, { accountId, actor, input }: CreateCustomerCommand): Promise<CustomerView> {
  const displayName = input.displayName || deriveDisplayName(input, input.contacts?.[0]?.value.trim())
  if (!displayName) {
    throw new AppError('request.validation_failed', [
      { path: 'displayName', code: 'custom', message: 'a name, an organization or a contact is required' },
    ])
  }

  return deps.transact(async (trx) => {
    const now = deps.clock.now().toISOString()
    const row: Omit<NewCustomerRow, 'crn'> = { id: newId(), account_id: accountId, display_name: displayName, created_at: now, updated_at: now }
    const columns = row as Record<string, unknown>
    for (const [field, column] of Object.entries(FIELD_COLUMNS) as [CustomerField, string][]) {
      if (field !== 'displayName' && input[field] !== undefined) columns[column] = toColumnValue(field, input[field])
    }
    if (input.marketingConsent !== undefined) row.marketing_consent_at = now
    const customer = await insertCustomer(trx, row)
    // Issue 6 hook: findable by name, reading and CRN as soon as this commits.
    await indexCustomer(trx, deps.dialect, customer, true)
    await attachContacts(trx, accountId, customer.id, input.contacts ?? [], now)
    const view = toCustomerView(customer, await findContactsOf(trx, accountId, [customer.id]))
    await recordEvent(trx, {
      accountId,
      subjectType: 'customer',
      subjectId: customer.id,
      type: 'customer.created',
      actor,
      after: { ...view, contacts: view.contacts.map(({ kind, value }) => ({ kind, value })) },
      at: now,
    })

    return view
  })
}
