import type { Kysely } from 'kysely'

/**
 * Routing counts each agent's open tickets on one channel (capacity per channel,
 * least busy) on every decision: this index answers that count from the index
 * alone, whatever else the tickets table holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tickets_routing_load_idx').on('tickets').columns(['account_id', 'channel', 'status', 'assignee_id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_routing_load_idx').execute()
}
