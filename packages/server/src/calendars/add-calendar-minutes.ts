import type { CalendarAddView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { addBusinessMinutes } from '../lib/business-hours.ts'
import { toBusinessCalendar } from './business-calendar.view.ts'
import { loadBusinessCalendar } from './get-business-calendar.ts'

/** When `minutes` of business time have passed since `start` (now by default). */
export async function addCalendarMinutes(deps: Deps, principal: Principal, id: string, minutes: number, start?: string): Promise<CalendarAddView> {
  const calendar = toBusinessCalendar(await loadBusinessCalendar(deps, principal, id))
  const from = start ? new Date(start) : deps.clock.now()
  const end = addBusinessMinutes(calendar, from, minutes)

  return { start: from.toISOString(), minutes, end: end ? end.toISOString() : null }
}
