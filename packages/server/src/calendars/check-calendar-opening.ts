import type { CalendarOpenView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { closesAfter, nextOpening } from '../lib/business-hours.ts'
import { toBusinessCalendar } from './business-calendar.view.ts'
import { loadBusinessCalendar } from './get-business-calendar.ts'

/** Is the calendar open at an instant (now by default), until when, and when does it open next? */
export async function checkCalendarOpening(deps: Deps, principal: Principal, id: string, at?: string): Promise<CalendarOpenView> {
  const calendar = toBusinessCalendar(await loadBusinessCalendar(deps, principal, id))
  const instant = at ? new Date(at) : deps.clock.now()
  const closesAt = closesAfter(calendar, instant)
  const next = closesAt ? instant : nextOpening(calendar, instant)

  return {
    at: instant.toISOString(),
    open: closesAt !== null,
    closesAt: closesAt ? closesAt.toISOString() : null,
    nextOpeningAt: next ? next.toISOString() : null,
  }
}
