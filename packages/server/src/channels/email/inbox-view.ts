import type { InboxSettings, InboxView } from '@madoguchi/shared'
import { inboxSettings } from '@madoguchi/shared'
import { parseJson } from '../../db/json.ts'
import type { InboxRow } from './email.table.ts'

// Pure memo of the JSON text → settings parse (validation runs once per distinct text, not per mail).
const parsedSettings = new Map<string, InboxSettings>()

/** Stored settings, with defaults for anything missing (older rows, partial JSON). */
export function inboxSettingsOf(row: Pick<InboxRow, 'settings'>): InboxSettings {
  const cached = parsedSettings.get(row.settings)
  if (cached) return structuredClone(cached)
  const parsed = inboxSettings.safeParse(parseJson<unknown>(row.settings, {}))
  const settings = parsed.success ? parsed.data : inboxSettings.parse({})
  if (parsedSettings.size > 1000) parsedSettings.clear()
  parsedSettings.set(row.settings, settings)

  return structuredClone(settings)
}

export function inboxAddressesOf(row: Pick<InboxRow, 'addresses'>): string[] {
  return parseJson<string[]>(row.addresses, [])
}

export function toInboxView(row: InboxRow): InboxView {
  const { smtp, imap, ...rest } = inboxSettingsOf(row)
  const settings: InboxView['settings'] = { ...rest }
  if (smtp) {
    const { password, ...visible } = smtp
    settings.smtp = { ...visible, passwordSet: Boolean(password) }
  }
  if (imap) {
    const { password, ...visible } = imap
    settings.imap = { ...visible, passwordSet: Boolean(password) }
  }

  return {
    id: row.id,
    name: row.name,
    channel: 'email',
    addresses: inboxAddressesOf(row),
    settings,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
