import type { BusinessCalendarView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { listBusinessCalendarRows } from './business-calendar.repo.ts'
import { toBusinessCalendarView } from './business-calendar.view.ts'

/**
 * The account's calendars, default first. Not cursor-paged: an account has a
 * handful (one per site or team), and pickers need them all (capped at 500).
 */
export async function listBusinessCalendars(deps: Deps, principal: Principal): Promise<{ items: BusinessCalendarView[] }> {
  const rows = await listBusinessCalendarRows(deps.db, principal.accountId)

  return { items: rows.map(toBusinessCalendarView) }
}
