import type { Kysely } from 'kysely'

/**
 * A macro can carry ticket changes (status, priority, tags) besides its text.
 * They are shown to the agent with the filled text and applied only when the
 * agent asks, like everything a macro does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('macros').addColumn('actions', 'text', (c) => c.notNull().defaultTo('[]')).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('macros').dropColumn('actions').execute()
}
