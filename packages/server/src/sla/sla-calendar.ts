import { findBusinessCalendar } from '../calendars/business-calendar.repo.ts'
import { toBusinessCalendar } from '../calendars/business-calendar.view.ts'
import type { Executor } from '../db/database.ts'
import type { BusinessCalendar } from '../lib/business-hours.ts'

const DAY = [{ start: '00:00', end: '24:00' }]

/** Used when an account has no calendar at all: SLA minutes are then plain minutes. */
export const ROUND_THE_CLOCK: BusinessCalendar = {
  timeZone: 'UTC',
  weeklyHours: { sun: DAY, mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: DAY },
  useNationalHolidays: false,
  closures: [],
  openDays: [],
}

/**
 * The calendar a policy's clocks run on: its own, else the account's default,
 * else round the clock. Memoized per loader, so one request or job run reads each
 * calendar once whatever the number of tickets.
 */
export function calendarLoader(db: Executor, accountId: string): (calendarId: string | null) => Promise<BusinessCalendar> {
  const cache = new Map<string, Promise<BusinessCalendar>>()

  return (calendarId) => {
    const key = calendarId ?? ''
    let found = cache.get(key)
    if (!found) {
      found = (async () => {
        const row = calendarId
          ? await findBusinessCalendar(db, accountId, calendarId)
          : await db.selectFrom('business_calendars').selectAll().where('account_id', '=', accountId).where('is_default', '=', 1).executeTakeFirst()

        return row ? toBusinessCalendar(row) : ROUND_THE_CLOCK
      })()
      cache.set(key, found)
    }

    return found
  }
}
