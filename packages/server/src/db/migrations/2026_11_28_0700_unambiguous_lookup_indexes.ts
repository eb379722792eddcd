import type { Kysely } from 'kysely'
import { PostgresAdapter, sql } from 'kysely'

/**
 * Indexes that leave PostgreSQL one sensible plan for the lookups of every new mail, whatever its
 * statistics say. Without statistics (a new account, an import, autovacuum off, as on the benchmark
 * machine) it took a plan that read every row of the account for each batch of lookups: over 45,000
 * mails into a fresh database its CPU per mail grew from 0.33 to 1.40 ms and throughput fell from
 * 1,560 to 820 per second.
 *
 * The lookups ask for a batch of keys of one account: `account_id = ? AND channel = ? AND
 * external_id IN (…)` (a redelivery? which ticket does a reply's References name?), `account_id = ?
 * AND kind = ? AND value IN (…)` (who sent it?), `account_id = ? AND rfc_message_id IN (…)` (a reply
 * to a mail we sent). With account_id first in the unique key, or in another index of the table, the
 * planner may read the account's part of that index and filter the list, and it does whenever it
 * believes the account small. So the looked-up value comes first, and no index of these tables
 * starts with account_id any more: every plan that uses an index starts from the values.
 *
 * SQLite probes an index once per list entry and prefers the index with the most columns matched, so
 * it never had this problem; its `customer_contacts` unique constraint can only be changed by
 * rebuilding the table, and keeps its order there.
 *
 * Also new: `email_outbound` by recipient, which a bounce looks up to tell backscatter from mail we
 * sent, and which read all of the account's sent mail.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await replaceIndex(db, 'messages', 'messages_external_uq', ['external_id', 'account_id', 'channel'], true)
  await replaceIndex(db, 'email_outbound', 'email_outbound_rfc_uq', ['rfc_message_id', 'account_id'], true)
  await replaceIndex(db, 'email_outbound', 'email_outbound_ticket_idx', ['ticket_id', 'account_id'], false)
  await db.schema.createIndex('email_outbound_to_idx').on('email_outbound').columns(['to_address', 'account_id']).execute()
  // (customer_id) alone is the prefix of the new (customer_id, account_id).
  await db.schema.dropIndex('customer_contacts_customer_idx').execute()
  await replaceIndex(db, 'customer_contacts', 'customer_contacts_account_customer_idx', ['customer_id', 'account_id'], false)
  if (isPostgres(db)) await replaceContactKey(db, ['value', 'kind', 'account_id'])
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await replaceContactKey(db, ['account_id', 'kind', 'value'])
  await replaceIndex(db, 'customer_contacts', 'customer_contacts_account_customer_idx', ['account_id', 'customer_id', 'kind'], false)
  await db.schema.createIndex('customer_contacts_customer_idx').on('customer_contacts').column('customer_id').execute()
  await db.schema.dropIndex('email_outbound_to_idx').execute()
  await replaceIndex(db, 'email_outbound', 'email_outbound_ticket_idx', ['account_id', 'ticket_id'], false)
  await replaceIndex(db, 'email_outbound', 'email_outbound_rfc_uq', ['account_id', 'rfc_message_id'], true)
  await replaceIndex(db, 'messages', 'messages_external_uq', ['account_id', 'channel', 'external_id'], true)
}

const isPostgres = (db: AnyDb): boolean => db.getExecutor().adapter instanceof PostgresAdapter

async function replaceIndex(db: AnyDb, table: string, name: string, columns: string[], unique: boolean): Promise<void> {
  await db.schema.dropIndex(name).execute()
  const index = db.schema.createIndex(name).on(table).columns(columns)
  await (unique ? index.unique() : index).execute()
}

async function replaceContactKey(db: AnyDb, columns: string[]): Promise<void> {
  await sql`alter table customer_contacts drop constraint customer_contacts_value_uq`.execute(db)
  await sql`alter table customer_contacts add constraint customer_contacts_value_uq unique (${sql.join(columns.map((c) => sql.ref(c)))})`.execute(db)
}
