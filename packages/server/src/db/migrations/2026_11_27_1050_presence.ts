import type { Kysely } from 'kysely'

/**
 * Who is looking at which ticket, one row per open agent-app socket. Kept in the
 * database (not in a node's memory) so several app nodes agree; rows carry an
 * expiry so a crashed node's viewers fade out instead of lingering forever.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('presence')
    .addColumn('connection_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('agent_name', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('replying', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('presence_ticket_idx').on('presence').columns(['account_id', 'ticket_id']).execute()
  await db.schema.createIndex('presence_expires_idx').on('presence').column('expires_at').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('presence').ifExists().execute()
}
