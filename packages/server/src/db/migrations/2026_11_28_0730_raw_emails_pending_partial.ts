import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * The sweep that finishes stored-but-unprocessed mail (email.process_pending) asks only for rows
 * still `received`. Indexed on (outcome, received_at), every mail's outcome update added an entry for
 * its final outcome, which nothing reads: an index growing by one entry per mail forever. Partial,
 * it holds the few rows in flight and the outcome update adds nothing to it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('raw_emails_pending_idx').execute()
  await sql`create index raw_emails_pending_idx on raw_emails (received_at) where outcome = 'received'`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('raw_emails_pending_idx').execute()
  await db.schema.createIndex('raw_emails_pending_idx').on('raw_emails').columns(['outcome', 'received_at']).execute()
}
