import type { AccountView, UpdateAccountInput } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { isUniqueViolation } from '../agents/unique-violation.ts'
import { parseJson, toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { findAccount, updateAccountRow } from './account.repo.ts'
import type { AccountRow, AccountUpdate } from './account.table.ts'
import type { StoredHelpCenterSettings } from './account-view.ts'
import { helpCenterSettingsOf, storedHelpCenterSettings, toAccountView } from './account-view.ts'

/**
 * Account settings (name, default language, time zone, the help center's host and
 * contact details); audited with before → after.
 */
export async function updateAccount(deps: Deps, actor: Principal, input: UpdateAccountInput, ip: string | null): Promise<AccountView> {
  const at = deps.clock.now().toISOString()

  try {
    return await deps.transact(async (trx) => {
      const row = await findAccount(trx, actor.accountId)
      if (!row) throw new AppError('auth.required')
      const update: AccountUpdate = {}
      const changes: Record<string, { from: unknown; to: unknown }> = {}
      const set = <K extends 'name' | 'default_locale' | 'time_zone' | 'help_center_host'>(key: string, column: K, value: string | null | undefined) => {
        if (value === undefined || value === row[column]) return
        update[column] = value as AccountUpdate[K]
        changes[key] = { from: row[column], to: value }
      }
      set('name', 'name', input.name)
      set('defaultLocale', 'default_locale', input.defaultLocale)
      set('timeZone', 'time_zone', input.timeZone)
      if (input.helpCenter) {
        set('helpCenter.host', 'help_center_host', input.helpCenter.host)
        const contact = mergedContact(row, input.helpCenter)
        if (contact) {
          update.settings = toJson({ ...parseJson<Record<string, unknown>>(row.settings, {}), helpCenter: contact.stored })
          Object.assign(changes, contact.changes)
        }
      }
      if (Object.keys(changes).length === 0) return toAccountView(row)
      const updated = await updateAccountRow(trx, actor.accountId, update)
      await recordAudit(trx, {
        accountId: actor.accountId,
        actorId: actor.agentId,
        action: 'account.updated',
        targetType: 'account',
        targetId: actor.accountId,
        details: { changes },
        ip,
        at,
      })

      return toAccountView(updated)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('account.help_center_host_taken', { host: input.helpCenter?.host })
    throw error
  }
}

/** The help center's contact details after the update, or null when nothing changes. */
function mergedContact(row: AccountRow, input: NonNullable<UpdateAccountInput['helpCenter']>) {
  const before = helpCenterSettingsOf(row)
  const stored: StoredHelpCenterSettings = { ...storedHelpCenterSettings(row) }
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  const apply = (key: string, from: string | null, to: string | null | undefined, write: (v: string | null) => void) => {
    if (to === undefined || to === from) return
    write(to)
    changes[`helpCenter.${key}`] = { from, to }
  }
  apply('email', before.email, input.email, (v) => (stored.email = v))
  apply('phone', before.phone, input.phone, (v) => (stored.phone = v))
  apply('hours.ja', before.hours.ja, input.hours?.ja, (v) => (stored.hours = { ...stored.hours, ja: v }))
  apply('hours.en', before.hours.en, input.hours?.en, (v) => (stored.hours = { ...stored.hours, en: v }))

  return Object.keys(changes).length === 0 ? null : { stored, changes }
}
