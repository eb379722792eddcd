import type { CalendarHolidaysView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { closedDaysOfYear } from '../lib/closed-days.ts'
import { toBusinessCalendar } from './business-calendar.view.ts'
import { loadBusinessCalendar } from './get-business-calendar.ts'

/** A year's named closed days of a calendar: 祝日, 振替休日, 国民の休日 and its closures. */
export async function listCalendarClosedDays(deps: Deps, principal: Principal, id: string, year: number): Promise<CalendarHolidaysView> {
  const row = await loadBusinessCalendar(deps, principal, id)

  return { calendarId: row.id, year, days: closedDaysOfYear(toBusinessCalendar(row), year) }
}
