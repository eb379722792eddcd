import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * The tag filter of the ticket list, as an index range scan like every other filter.
 *
 * A tag lives in ticket_tags, but the list is sorted by the ticket's updated_at, so
 * "newest tickets with tag X" had to either walk all tickets checking each one's tags
 * (slow for rare tags) or fetch every ticket with the tag and sort them (slow for
 * common tags). Copying the ticket's updated_at onto its tag rows gives the index
 * (account_id, tag, updated_at, ticket_id): a page is then a short range scan for any
 * tag. The tickets feature keeps the copy in step whenever updated_at changes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket_tags').addColumn('updated_at', 'text', (c) => c.notNull().defaultTo('')).execute()
  await sql`update ticket_tags set updated_at = (select t.updated_at from tickets t where t.id = ticket_tags.ticket_id)`.execute(db)
  await db.schema
    .createIndex('ticket_tags_tag_updated_idx')
    .on('ticket_tags')
    .columns(['account_id', 'tag', 'updated_at', 'ticket_id'])
    .execute()
  // Same leading columns as the new index: keeping both would only slow writes.
  await db.schema.dropIndex('ticket_tags_tag_idx').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('ticket_tags_tag_idx').on('ticket_tags').columns(['account_id', 'tag', 'ticket_id']).execute()
  await db.schema.dropIndex('ticket_tags_tag_updated_idx').execute()
  await db.schema.alterTable('ticket_tags').dropColumn('updated_at').execute()
}
