import type { Kysely } from 'kysely'

/**
 * Set to a fresh random value by every change to SLA policies, automation rules and
 * business calendars, so each app node can cache them and know, with one small
 * read, when to reload (accounts/account-config.ts). Random rather than a counter:
 * a rolled-back change must never leave a value that a later change reuses.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('config_version', 'text', (c) => c.notNull().defaultTo('')).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('config_version').execute()
}
