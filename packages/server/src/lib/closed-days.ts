import type { BusinessCalendar } from './business-hours.ts'
import { closureOn, isOpenDay } from './business-hours.ts'
import type { IsoDate } from './civil-date.ts'
import { dayNumberOf, isoDateOf } from './civil-date.ts'
import type { HolidayKind, LocalizedName } from './japanese-holidays.ts'
import { japaneseHolidayOnDay } from './japanese-holidays.ts'

export type ClosedDayKind = HolidayKind | 'closure'

export interface ClosedDay {
  date: IsoDate
  kind: ClosedDayKind
  name: LocalizedName
}

const UNNAMED_CLOSURE: LocalizedName = { ja: '休業日', en: 'Closed' }

/**
 * The days of a year on which the calendar is closed for a reason with a name:
 * national holidays (when the calendar keeps them) and its closures, minus its
 * open days. Weekends are not listed: they are the weekly hours. A day that is
 * both a holiday and in a closure (元日 inside 年末年始) shows the holiday's name.
 */
export function closedDaysOfYear(cal: BusinessCalendar, year: number): ClosedDay[] {
  const days: ClosedDay[] = []
  const end = dayNumberOf(year + 1, 1, 1)
  for (let day = dayNumberOf(year, 1, 1); day < end; day++) {
    if (isOpenDay(cal, day)) continue
    const holiday = cal.useNationalHolidays ? japaneseHolidayOnDay(day) : undefined
    if (holiday) {
      days.push({ date: holiday.date, kind: holiday.kind, name: holiday.name })
      continue
    }
    const closure = closureOn(cal, day)
    if (closure) {
      const name = closure.name ? { ja: closure.name.ja, en: closure.name.en ?? closure.name.ja } : UNNAMED_CLOSURE
      days.push({ date: isoDateOf(day), kind: 'closure', name })
    }
  }

  return days
}
