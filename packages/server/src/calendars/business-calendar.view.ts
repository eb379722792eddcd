import type { BusinessCalendarView, CreateBusinessCalendarInput } from '@madoguchi/shared'
import { WEEKDAY_KEYS } from '@madoguchi/shared'
import { parseJson } from '../db/json.ts'
import type { BusinessCalendar } from '../lib/business-hours.ts'
import type { BusinessCalendarRow } from './business-calendar.table.ts'

type Schedule = Pick<CreateBusinessCalendarInput, 'weeklyHours' | 'closures' | 'openDays'>

/** The schedule columns as the API shapes them (every weekday present). */
export function scheduleOf(row: BusinessCalendarRow): Schedule {
  const weekly = parseJson<Partial<Schedule['weeklyHours']>>(row.weekly_hours, {})

  return {
    weeklyHours: Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, weekly[d] ?? []])) as Schedule['weeklyHours'],
    closures: parseJson<Schedule['closures']>(row.closures, []),
    openDays: parseJson<Schedule['openDays']>(row.open_days, []),
  }
}

export function toBusinessCalendarView(row: BusinessCalendarRow): BusinessCalendarView {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    ...scheduleOf(row),
    useNationalHolidays: row.use_national_holidays === 1,
    isDefault: row.is_default === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The row as the pure business-hours functions take it. */
export function toBusinessCalendar(row: BusinessCalendarRow): BusinessCalendar {
  return { timeZone: row.time_zone, useNationalHolidays: row.use_national_holidays === 1, ...scheduleOf(row) }
}
