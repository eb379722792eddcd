import type { BusinessCalendarView, UpdateBusinessCalendarInput } from '@madoguchi/shared'
import { calendarProblems } from '@madoguchi/shared'
import { isUniqueViolation } from '../agents/unique-violation.ts'
import { bumpConfigVersion } from '../accounts/account-config.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import type { BusinessCalendarUpdate } from './business-calendar.table.ts'
import { clearDefaultBusinessCalendar, findBusinessCalendar, findBusinessCalendarByName, updateBusinessCalendarRow } from './business-calendar.repo.ts'
import { toBusinessCalendarView } from './business-calendar.view.ts'

/**
 * Changes some fields of a calendar; the whole result is checked again. Making it
 * the default takes that from the previous default. Audited with the changed
 * fields (before → after).
 */
export async function updateBusinessCalendar(
  deps: Deps, actor: Principal, id: string, input: UpdateBusinessCalendarInput, ip: string | null,
): Promise<BusinessCalendarView> {
  const at = deps.clock.now().toISOString()
  try {
    return await deps.transact(async (trx) => {
      const row = await findBusinessCalendar(trx, actor.accountId, id)
      if (!row) throw new AppError('calendar.not_found')
      const before = toBusinessCalendarView(row)
      const after = { ...before, ...input }
      const problems = calendarProblems(after)
      if (problems.length > 0) throw new AppError('request.validation_failed', problems)

      const changed = (Object.keys(input) as (keyof UpdateBusinessCalendarInput)[])
        .filter((key) => input[key] !== undefined && toJson(input[key]) !== toJson(before[key]))
      if (changed.length === 0) return before
      if (changed.includes('name') && (await findBusinessCalendarByName(trx, actor.accountId, after.name))) {
        throw new AppError('calendar.name_taken')
      }
      if (changed.includes('isDefault') && after.isDefault) await clearDefaultBusinessCalendar(trx, actor.accountId, at)
      const update: BusinessCalendarUpdate = {
        name: after.name,
        time_zone: after.timeZone,
        weekly_hours: toJson(after.weeklyHours),
        use_national_holidays: after.useNationalHolidays ? 1 : 0,
        closures: toJson(after.closures),
        open_days: toJson(after.openDays),
        is_default: after.isDefault ? 1 : 0,
        updated_at: at,
      }
      const updated = await updateBusinessCalendarRow(trx, actor.accountId, id, update)
      await bumpConfigVersion(trx, actor.accountId)
      await recordAudit(trx, {
        accountId: actor.accountId,
        actorId: actor.agentId,
        action: 'business_calendar.updated',
        targetType: 'business_calendar',
        targetId: id,
        details: { changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])) },
        ip,
        at,
      })

      return toBusinessCalendarView(updated)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('calendar.name_taken')
    throw error
  }
}
