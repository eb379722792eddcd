import type { Kysely } from 'kysely'

/**
 * The ticket list sorted by creation ("newest tickets first") pages through this
 * index as the default order pages through (account_id, updated_at, id). The
 * number order needs none: the (account_id, number) unique key already is one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tickets_created_idx').on('tickets').columns(['account_id', 'created_at', 'id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_created_idx').execute()
}
