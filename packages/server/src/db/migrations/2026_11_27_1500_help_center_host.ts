import type { Kysely } from 'kysely'

/**
 * Several companies on one install each have their own help center: the public
 * pages find their account by the host name they are served on
 * (`help.shop.example`). Unique, so one host never shows two companies.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('help_center_host', 'text').execute()
  await db.schema.createIndex('accounts_help_center_host_uq').unique().on('accounts').column('help_center_host').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accounts_help_center_host_uq').execute()
  await db.schema.alterTable('accounts').dropColumn('help_center_host').execute()
}
