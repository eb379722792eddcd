import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Business calendars (several per account): time zone, weekly hours, national
 * holidays on/off, closures and open days. The schedule parts are JSON text read
 * whole by the pure business-hours code; nothing queries inside them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('business_calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('weekly_hours', 'text', (c) => c.notNull())
    .addColumn('use_national_holidays', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('closures', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('open_days', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('business_calendars_account_name_uq', ['account_id', 'name'])
    .execute()
  // At most one default per account, enforced by the database (partial unique index,
  // supported the same way by SQLite and PostgreSQL).
  await db.schema
    .createIndex('business_calendars_default_uq')
    .on('business_calendars')
    .column('account_id')
    .unique()
    .where(sql<boolean>`is_default = 1`)
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('business_calendars').ifExists().execute()
}
