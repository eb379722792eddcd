import type { AccountView, HelpCenterSettingsView } from '@madoguchi/shared'
import { parseJson } from '../db/json.ts'
import type { AccountRow } from './account.table.ts'

/** The help center part of `accounts.settings` (JSON), as stored. */
export interface StoredHelpCenterSettings {
  email?: string | null
  phone?: string | null
  hours?: { ja?: string | null; en?: string | null }
}

export function storedHelpCenterSettings(row: AccountRow): StoredHelpCenterSettings {
  const settings = parseJson<{ helpCenter?: StoredHelpCenterSettings }>(row.settings, {})

  return typeof settings.helpCenter === 'object' && settings.helpCenter !== null ? settings.helpCenter : {}
}

export function helpCenterSettingsOf(row: AccountRow): HelpCenterSettingsView {
  const stored = storedHelpCenterSettings(row)
  const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null)

  return {
    host: row.help_center_host,
    email: text(stored.email),
    phone: text(stored.phone),
    hours: { ja: text(stored.hours?.ja), en: text(stored.hours?.en) },
  }
}

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    name: row.name,
    defaultLocale: row.default_locale === 'en' ? 'en' : 'ja',
    timeZone: row.time_zone,
    helpCenter: helpCenterSettingsOf(row),
    createdAt: row.created_at,
  }
}
