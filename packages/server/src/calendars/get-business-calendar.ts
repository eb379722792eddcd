import type { BusinessCalendarView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import type { BusinessCalendarRow } from './business-calendar.table.ts'
import { findBusinessCalendar } from './business-calendar.repo.ts'
import { toBusinessCalendarView } from './business-calendar.view.ts'

/** The calendar's row, or `calendar.not_found` (also for ids of other accounts). */
export async function loadBusinessCalendar(deps: Deps, principal: Principal, id: string): Promise<BusinessCalendarRow> {
  const row = isId(id) ? await findBusinessCalendar(deps.db, principal.accountId, id) : undefined
  if (!row) throw new AppError('calendar.not_found')

  return row
}

export async function getBusinessCalendar(deps: Deps, principal: Principal, id: string): Promise<BusinessCalendarView> {
  return toBusinessCalendarView(await loadBusinessCalendar(deps, principal, id))
}
