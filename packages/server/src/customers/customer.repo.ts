import { randomBytes } from 'node:crypto'
import type { Executor, Trx } from '../db/database.ts'
import type { RandomBytes } from '../lib/crn.ts'
import { generateCrn } from '../lib/crn.ts'
import type { ContactKind, CustomerContactRow, CustomerRow, NewCustomerContactRow, NewCustomerRow } from './customer.table.ts'

export async function findCustomerById(db: Executor, accountId: string, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

/** `crn` must be canonical (see lib/crn.ts parseCrn). */
export async function findCustomerByCrn(db: Executor, accountId: string, crn: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('account_id', '=', accountId).where('crn', '=', crn).executeTakeFirst()
}

export async function findCustomersByIds(db: Executor, accountId: string, ids: readonly string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return []

  return db.selectFrom('customers').selectAll().where('account_id', '=', accountId).where('id', 'in', [...new Set(ids)]).execute()
}

/**
 * The customer a (possibly merged) customer now lives on. Merges repoint earlier
 * merges at the survivor, so this is at most one hop; the loop guards old data.
 */
export async function followMerges(db: Executor, accountId: string, customer: CustomerRow): Promise<CustomerRow> {
  let current = customer
  for (let hops = 0; current.merged_into_id && hops < 10; hops++) {
    const next = await findCustomerById(db, accountId, current.merged_into_id)
    if (!next) break
    current = next
  }

  return current
}

/** Contacts of many customers in one query: by kind, the primary first, then oldest first. */
export async function findContactsOf(db: Executor, accountId: string, customerIds: readonly string[]): Promise<CustomerContactRow[]> {
  if (customerIds.length === 0) return []

  return db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('customer_id', 'in', [...new Set(customerIds)])
    .orderBy('customer_id')
    .orderBy('kind')
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export function groupContacts(contacts: readonly CustomerContactRow[]): Map<string, CustomerContactRow[]> {
  const byCustomer = new Map<string, CustomerContactRow[]>()
  for (const contact of contacts) {
    const list = byCustomer.get(contact.customer_id)
    if (list) list.push(contact)
    else byCustomer.set(contact.customer_id, [contact])
  }

  return byCustomer
}

/** Who owns a normalized contact value (unique per account and kind). */
export async function findContactByValue(
  db: Executor,
  accountId: string,
  kind: ContactKind,
  value: string,
): Promise<CustomerContactRow | undefined> {
  return db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where('value', '=', value)
    .executeTakeFirst()
}

export async function findContactById(db: Executor, accountId: string, customerId: string, contactId: string): Promise<CustomerContactRow | undefined> {
  return db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('customer_id', '=', customerId)
    .where('id', '=', contactId)
    .executeTakeFirst()
}

const CRN_ATTEMPTS = 8

/**
 * Inserts a customer with a fresh CRN, drawing again on the (account_id, crn) unique
 * collision. `ON CONFLICT DO NOTHING` keeps the transaction usable on PostgreSQL.
 */
export async function insertCustomer(trx: Trx, row: Omit<NewCustomerRow, 'crn'>, random: RandomBytes = randomBytes): Promise<CustomerRow> {
  for (let attempt = 0; attempt < CRN_ATTEMPTS; attempt++) {
    const inserted = await trx
      .insertInto('customers')
      .values({ ...row, crn: generateCrn(random) })
      .onConflict((oc) => oc.columns(['account_id', 'crn']).doNothing())
      .returningAll()
      .executeTakeFirst()
    if (inserted) return inserted
  }
  throw new Error(`no free CRN after ${CRN_ATTEMPTS} attempts`)
}

/**
 * Inserts a contact unless its value is already taken (then returns undefined).
 * On PostgreSQL a concurrent insert of the same value waits for the other
 * transaction and then yields, instead of aborting ours with a unique violation.
 */
export async function insertContactIfFree(trx: Trx, row: NewCustomerContactRow): Promise<CustomerContactRow | undefined> {
  return trx
    .insertInto('customer_contacts')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'kind', 'value']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

/**
 * Reads a customer for a change, locking its row on PostgreSQL so concurrent writers
 * (a PATCH racing a merge) queue up. SQLite's single writer serializes already.
 */
export async function lockCustomer(trx: Trx, dialect: 'sqlite' | 'postgres', accountId: string, id: string): Promise<CustomerRow | undefined> {
  const query = trx.selectFrom('customers').selectAll().where('account_id', '=', accountId).where('id', '=', id)

  return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst()
}
