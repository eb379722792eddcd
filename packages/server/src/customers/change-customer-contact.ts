import type { CustomerView, UpdateContactInput } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { demotePrimaries } from './attach-contacts.ts'
import { findContactById, findContactsOf } from './customer.repo.ts'
import type { CustomerContactRow } from './customer.table.ts'
import { toCustomerView } from './customer.view.ts'
import { lockWritableCustomer, touchCustomer } from './lock-writable-customer.ts'
import type { EventActor } from './resolve-customer-for-ticket.ts'

export type ContactChange =
  | { op: 'update'; input: UpdateContactInput }
  | { op: 'verify' }
  | { op: 'remove' }

/**
 * Changes one contact of a customer, recorded as an event with before/after:
 * - update: label and/or primary (one primary per kind; the others are demoted);
 * - verify: sets `verifiedAt` (idempotent: verifying twice keeps the first time);
 * - remove: deletes it; when it was primary, the oldest other contact of its kind
 *   becomes primary.
 */
export async function changeCustomerContact(
  deps: Deps,
  command: { accountId: string; customerId: string; contactId: string; actor: EventActor; change: ContactChange },
): Promise<CustomerView> {
  const { accountId, customerId, contactId, actor, change } = command

  return deps.transact(async (trx) => {
    await lockWritableCustomer(trx, deps, accountId, customerId)
    const contact = await findContactById(trx, accountId, customerId, contactId)
    if (!contact) throw new AppError('customer.contact_not_found', { id: contactId })
    const now = deps.clock.now().toISOString()
    const event = await apply(trx, contact, change, now)
    let customer = await lockWritableCustomer(trx, deps, accountId, customerId)
    if (event) {
      customer = await touchCustomer(trx, accountId, customerId, now)
      await recordEvents(trx, [{ accountId, subjectType: 'customer', subjectId: customerId, actor, field: 'contacts', at: now, ...event }])
    }

    return toCustomerView(customer, await findContactsOf(trx, accountId, [customerId]))
  })
}

type Change = Pick<EventInput, 'type' | 'before' | 'after'>

async function apply(trx: Trx, contact: CustomerContactRow, change: ContactChange, now: string): Promise<Change | null> {
  const ref = { id: contact.id, kind: contact.kind, value: contact.value }
  if (change.op === 'verify') {
    if (contact.verified_at) return null
    await trx.updateTable('customer_contacts').set({ verified_at: now }).where('id', '=', contact.id).execute()

    return { type: 'customer.contact_verified', before: { ...ref, verifiedAt: null }, after: { ...ref, verifiedAt: now } }
  }
  if (change.op === 'remove') {
    await trx.deleteFrom('customer_contacts').where('id', '=', contact.id).execute()
    if (contact.is_primary === 1) await promoteOldest(trx, contact)

    return { type: 'customer.contact_removed', before: { ...ref, label: contact.label, isPrimary: contact.is_primary === 1 } }
  }
  const label = change.input.label === undefined ? contact.label : change.input.label?.trim() || null
  const primary = change.input.isPrimary === undefined ? contact.is_primary === 1 : change.input.isPrimary
  if (label === contact.label && primary === (contact.is_primary === 1)) return null
  if (primary && contact.is_primary !== 1) await demotePrimaries(trx, contact.account_id, contact.customer_id, contact.kind)
  await trx.updateTable('customer_contacts').set({ label, is_primary: primary ? 1 : 0 }).where('id', '=', contact.id).execute()
  if (!primary && contact.is_primary === 1) await promoteOldest(trx, contact)

  return {
    type: 'customer.contact_updated',
    before: { ...ref, label: contact.label, isPrimary: contact.is_primary === 1 },
    after: { ...ref, label, isPrimary: primary },
  }
}

/** Every kind that has contacts keeps a primary one (replies go there). */
async function promoteOldest(trx: Trx, removed: CustomerContactRow): Promise<void> {
  const next = await trx
    .selectFrom('customer_contacts')
    .select('id')
    .where('account_id', '=', removed.account_id)
    .where('customer_id', '=', removed.customer_id)
    .where('kind', '=', removed.kind)
    .where('id', '!=', removed.id)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  if (next) await trx.updateTable('customer_contacts').set({ is_primary: 1 }).where('id', '=', next.id).execute()
}
