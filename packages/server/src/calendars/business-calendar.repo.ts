import type { Executor } from '../db/database.ts'
import type { BusinessCalendarRow, BusinessCalendarUpdate, NewBusinessCalendarRow } from './business-calendar.table.ts'

export async function findBusinessCalendar(db: Executor, accountId: string, id: string): Promise<BusinessCalendarRow | undefined> {
  return db.selectFrom('business_calendars').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

export async function findBusinessCalendarByName(db: Executor, accountId: string, name: string): Promise<BusinessCalendarRow | undefined> {
  return db.selectFrom('business_calendars').selectAll().where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst()
}

export async function hasDefaultBusinessCalendar(db: Executor, accountId: string): Promise<boolean> {
  const row = await db.selectFrom('business_calendars').select('id').where('account_id', '=', accountId).where('is_default', '=', 1).executeTakeFirst()

  return row !== undefined
}

/** Calendars of the account, the default first, then by name. */
export async function listBusinessCalendarRows(db: Executor, accountId: string): Promise<BusinessCalendarRow[]> {
  return db
    .selectFrom('business_calendars')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute()
}

export async function insertBusinessCalendar(db: Executor, row: NewBusinessCalendarRow): Promise<BusinessCalendarRow> {
  return db.insertInto('business_calendars').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateBusinessCalendarRow(db: Executor, accountId: string, id: string, changes: BusinessCalendarUpdate): Promise<BusinessCalendarRow> {
  return db.updateTable('business_calendars').set(changes).where('account_id', '=', accountId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

/** Before making another calendar the default (the unique index allows one). */
export async function clearDefaultBusinessCalendar(db: Executor, accountId: string, at: string): Promise<void> {
  await db.updateTable('business_calendars').set({ is_default: 0, updated_at: at }).where('account_id', '=', accountId).where('is_default', '=', 1).execute()
}
