import type { ContactInput } from '@madoguchi/shared'
import type { Trx } from '../db/database.ts'
import { AppError } from '../lib/app-error.ts'
import { normalizeContact } from '../lib/contact-normalize.ts'
import { newId } from '../lib/ids.ts'
import { findContactByValue, findContactsOf, findCustomerById } from './customer.repo.ts'
import type { ContactKind, CustomerContactRow } from './customer.table.ts'

/**
 * Adds contacts to a customer, normalized. A value another customer owns is a 409
 * `customer.contact_taken` naming the owner (so the agent can open or merge it); a
 * value this customer already has is left as it is. One primary per kind: the one
 * marked `isPrimary`, else the first of its kind.
 */
export async function attachContacts(
  trx: Trx,
  accountId: string,
  customerId: string,
  inputs: readonly ContactInput[],
  now: string,
): Promise<CustomerContactRow[]> {
  const existing = await findContactsOf(trx, accountId, [customerId])
  const seen = new Set(existing.map((c) => `${c.kind}\n${c.value}`))
  const hasPrimary = new Set(existing.filter((c) => c.is_primary === 1).map((c) => c.kind))
  const wantsPrimary = new Set(inputs.filter((c) => c.isPrimary).map((c) => c.kind))
  const added: CustomerContactRow[] = []

  for (const input of inputs) {
    const value = normalizeContact(input.kind, input.value)
    const key = `${input.kind}\n${value}`
    if (seen.has(key)) continue
    seen.add(key)
    await refuseIfTaken(trx, accountId, input.kind, value)
    const primary = input.isPrimary === true || (!hasPrimary.has(input.kind) && !wantsPrimary.has(input.kind))
    if (primary) {
      await demotePrimaries(trx, accountId, customerId, input.kind)
      for (const row of added) if (row.kind === input.kind) row.is_primary = 0
      hasPrimary.add(input.kind)
    }
    const row = await trx
      .insertInto('customer_contacts')
      .values({
        id: newId(),
        account_id: accountId,
        customer_id: customerId,
        kind: input.kind,
        value,
        label: input.label?.trim() || null,
        is_primary: primary ? 1 : 0,
        verified_at: input.verifiedAt ? new Date(input.verifiedAt).toISOString() : null,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['account_id', 'kind', 'value']).doNothing())
      .returningAll()
      .executeTakeFirst()
    // Taken between our check and the insert by a concurrent request.
    if (!row) await refuseIfTaken(trx, accountId, input.kind, value, true)
    else added.push(row)
  }

  return added
}

async function refuseIfTaken(trx: Trx, accountId: string, kind: ContactKind, value: string, certain = false): Promise<void> {
  const owner = await findContactByValue(trx, accountId, kind, value)
  if (!owner && !certain) return
  const customer = owner ? await findCustomerById(trx, accountId, owner.customer_id) : undefined
  throw new AppError('customer.contact_taken', { kind, value, customerId: owner?.customer_id ?? null, crn: customer?.crn ?? null })
}

export async function demotePrimaries(trx: Trx, accountId: string, customerId: string, kind: ContactKind): Promise<void> {
  await trx
    .updateTable('customer_contacts')
    .set({ is_primary: 0 })
    .where('account_id', '=', accountId)
    .where('customer_id', '=', customerId)
    .where('kind', '=', kind)
    .where('is_primary', '=', 1)
    .execute()
}
