import type { BusinessCalendarView, CreateBusinessCalendarInput } from '@madoguchi/shared'
import { calendarProblems } from '@madoguchi/shared'
import { isUniqueViolation } from '../agents/unique-violation.ts'
import { bumpConfigVersion } from '../accounts/account-config.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { clearDefaultBusinessCalendar, findBusinessCalendarByName, hasDefaultBusinessCalendar, insertBusinessCalendar } from './business-calendar.repo.ts'
import { toBusinessCalendarView } from './business-calendar.view.ts'

/** A new calendar; the account's first one becomes its default. Audited. */
export async function createBusinessCalendar(deps: Deps, actor: Principal, input: CreateBusinessCalendarInput, ip: string | null): Promise<BusinessCalendarView> {
  const problems = calendarProblems(input)
  if (problems.length > 0) throw new AppError('request.validation_failed', problems)
  const at = deps.clock.now().toISOString()
  try {
    return await deps.transact(async (trx) => {
      if (await findBusinessCalendarByName(trx, actor.accountId, input.name)) throw new AppError('calendar.name_taken')
      const isDefault = input.isDefault || !(await hasDefaultBusinessCalendar(trx, actor.accountId))
      if (isDefault) await clearDefaultBusinessCalendar(trx, actor.accountId, at)
      const row = await insertBusinessCalendar(trx, {
        id: newId(),
        account_id: actor.accountId,
        name: input.name,
        time_zone: input.timeZone,
        weekly_hours: toJson(input.weeklyHours),
        use_national_holidays: input.useNationalHolidays ? 1 : 0,
        closures: toJson(input.closures),
        open_days: toJson(input.openDays),
        is_default: isDefault ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      await bumpConfigVersion(trx, actor.accountId)
      await recordAudit(trx, {
        accountId: actor.accountId,
        actorId: actor.agentId,
        action: 'business_calendar.created',
        targetType: 'business_calendar',
        targetId: row.id,
        details: { name: row.name, timeZone: row.time_zone, isDefault },
        ip,
        at,
      })

      return toBusinessCalendarView(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('calendar.name_taken')
    throw error
  }
}
