import type { Kysely } from 'kysely'

/**
 * A supervisor acknowledges an escalation ("I have it") before resolving it, so
 * the queue shows which ones nobody has picked up yet.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('escalations').addColumn('acknowledged_at', 'text').execute()
  await db.schema.alterTable('escalations').addColumn('acknowledged_by', 'text').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('escalations').dropColumn('acknowledged_by').execute()
  await db.schema.alterTable('escalations').dropColumn('acknowledged_at').execute()
}
