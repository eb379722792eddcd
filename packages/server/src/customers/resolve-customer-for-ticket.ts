import type { CustomerRef } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { normalizeEmail, normalizePhone } from '../lib/contact-normalize.ts'
import { parseCrn } from '../lib/crn.ts'
import { newId } from '../lib/ids.ts'
import { customerDocument } from '../search/search-documents.ts'
import type { SearchDocumentInput } from '../search/search-index.ts'
import {
  findContactByValue,
  findCustomerByCrn,
  findCustomerById,
  followMerges,
  insertContactIfFree,
  insertCustomer,
} from './customer.repo.ts'
import type { ContactKind, CustomerRow } from './customer.table.ts'

// Other features use customers through this module (never through customer.repo.ts).
export { toCustomerView } from './customer.view.ts'
export type { CustomerSummary, CustomerView } from './customer.view.ts'
export { loadCustomerSummaries } from './load-customer-summaries.ts'
export type { CustomerRow } from './customer.table.ts'

export type EventActor = EventInput['actor']

/**
 * Append-only rows the customer's side of a new ticket produces (its event-log
 * entries, a new customer's search document). They are handed to the caller, which
 * writes them together with the ticket's own: one statement per table instead of
 * one per row. They must be written in the same transaction.
 */
export interface PendingCustomerRows {
  events: EventInput[]
  searchDocuments: SearchDocumentInput[]
}

export interface ResolvedCustomer {
  customer: CustomerRow
  created: boolean
  pending: PendingCustomerRows
}

/**
 * The customer a new ticket is about, inside the ticket's transaction.
 * - `{id}` / `{crn}`: must exist (404 `customer.not_found`; a CRN with a wrong check
 *   symbol is 422 `customer.crn_invalid`, never someone else); a merged customer
 *   resolves to the one it was merged into.
 * - `{email?, phone?, name?, language?}`: the customer owning the normalized email
 *   (else phone); a contact the found customer lacks and nobody owns is added to it,
 *   unverified. Nobody found: a new customer (display name = name, else the email or
 *   phone) with a `customer.created` event.
 * The event-log entries and search document are returned in `pending`, not written.
 */
export async function resolveCustomerForTicket(
  trx: Trx,
  deps: Deps,
  accountId: string,
  ref: CustomerRef,
  actor: EventActor,
): Promise<ResolvedCustomer> {
  const pending: PendingCustomerRows = { events: [], searchDocuments: [] }
  if ('id' in ref) {
    const found = await findCustomerById(trx, accountId, ref.id)
    if (!found) throw new AppError('customer.not_found', { id: ref.id })

    return { customer: await followMerges(trx, accountId, found), created: false, pending }
  }
  if ('crn' in ref) {
    const crn = parseCrn(ref.crn)
    if (!crn) throw new AppError('customer.crn_invalid', { crn: ref.crn })
    const found = await findCustomerByCrn(trx, accountId, crn)
    if (!found) throw new AppError('customer.not_found', { crn })

    return { customer: await followMerges(trx, accountId, found), created: false, pending }
  }

  const wanted = wantedContacts(ref)
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await findByContacts(trx, accountId, wanted)
    if (existing) {
      await addMissingContacts(trx, deps, existing, wanted, actor, pending)

      return { customer: existing, created: false, pending }
    }
    const created = await createFromContacts(trx, deps, accountId, wanted, ref.name, ref.language, actor, pending)
    if (created) return { customer: created, created: true, pending }
    // A concurrent request took one of the contacts first: look again and use theirs.
  }
  throw new Error('customer contacts kept changing while resolving')
}

/** A contact a ticket's customer reference asks for, normalized. */
export type WantedContact = { kind: ContactKind; value: string }

/** The contacts of an `{email?, phone?}` reference, normalized, email first. */
export function wantedContacts(ref: { email?: string; phone?: string }): WantedContact[] {
  const wanted: WantedContact[] = []
  if (ref.email !== undefined) wanted.push({ kind: 'email', value: normalizeEmail(ref.email) })
  if (ref.phone !== undefined) wanted.push({ kind: 'phone', value: normalizePhone(ref.phone) })

  return wanted
}

/** A new customer's display name: the name given, else its first contact. */
export function newCustomerName(name: string | undefined, wanted: readonly WantedContact[]): string {
  return name?.normalize('NFKC').trim() || wanted[0]!.value
}

/** A customer made by a first contact: its `customer.created` event and its search document. */
export function newCustomerRows(customer: CustomerRow, contacts: readonly WantedContact[], actor: EventActor, at: string): PendingCustomerRows {
  return {
    events: [{
      accountId: customer.account_id,
      subjectType: 'customer',
      subjectId: customer.id,
      type: 'customer.created',
      actor,
      after: { crn: customer.crn, displayName: customer.display_name, contacts: contacts.map(({ kind, value }) => ({ kind, value })) },
      at,
    }],
    // Issue 6 hook: a customer made by a first contact is findable by name once the ticket commits.
    searchDocuments: [customerDocument(customer, true)],
  }
}

async function findByContacts(trx: Trx, accountId: string, wanted: WantedContact[]) {
  for (const { kind, value } of wanted) {
    const contact = await findContactByValue(trx, accountId, kind, value)
    if (!contact) continue
    const owner = await findCustomerById(trx, accountId, contact.customer_id)
    if (owner) return followMerges(trx, accountId, owner)
  }

  return undefined
}

async function addMissingContacts(
  trx: Trx,
  deps: Deps,
  customer: CustomerRow,
  wanted: WantedContact[],
  actor: EventActor,
  pending: PendingCustomerRows,
) {
  const now = deps.clock.now().toISOString()
  const events: EventInput[] = []
  for (const { kind, value } of wanted) {
    if (await findContactByValue(trx, customer.account_id, kind, value)) continue
    const hasKind = await trx
      .selectFrom('customer_contacts')
      .select('id')
      .where('account_id', '=', customer.account_id)
      .where('customer_id', '=', customer.id)
      .where('kind', '=', kind)
      .executeTakeFirst()
    const added = await insertContactIfFree(trx, {
      id: newId(),
      account_id: customer.account_id,
      customer_id: customer.id,
      kind,
      value,
      is_primary: hasKind ? 0 : 1,
      created_at: now,
    })
    if (added) {
      events.push({
        accountId: customer.account_id,
        subjectType: 'customer',
        subjectId: customer.id,
        type: 'customer.contact_added',
        actor,
        field: 'contacts',
        after: { id: added.id, kind, value },
        at: now,
      })
    }
  }
  if (events.length > 0) {
    await trx.updateTable('customers').set({ updated_at: now }).where('id', '=', customer.id).execute()
    pending.events.push(...events)
  }
}

async function createFromContacts(
  trx: Trx,
  deps: Deps,
  accountId: string,
  wanted: WantedContact[],
  name: string | undefined,
  language: string | undefined,
  actor: EventActor,
  pending: PendingCustomerRows,
): Promise<CustomerRow | undefined> {
  const now = deps.clock.now().toISOString()
  const customer = await insertCustomer(trx, {
    id: newId(),
    account_id: accountId,
    display_name: newCustomerName(name, wanted),
    language: language ?? null,
    created_at: now,
    updated_at: now,
  })
  for (const { kind, value } of wanted) {
    const contact = await insertContactIfFree(trx, {
      id: newId(),
      account_id: accountId,
      customer_id: customer.id,
      kind,
      value,
      is_primary: 1,
      created_at: now,
    })
    if (!contact) {
      // Lost a race for this contact: undo our half-made customer and retry the lookup.
      await trx.deleteFrom('customer_contacts').where('customer_id', '=', customer.id).execute()
      await trx.deleteFrom('customers').where('id', '=', customer.id).execute()

      return undefined
    }
  }
  const made = newCustomerRows(customer, wanted, actor, now)
  pending.events.push(...made.events)
  pending.searchDocuments.push(...made.searchDocuments)

  return customer
}
