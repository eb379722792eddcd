import type { AccountView } from '@madoguchi/shared'
import type { AccountRow } from './account.table.ts'

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    name: row.name,
    defaultLocale: row.default_locale === 'en' ? 'en' : 'ja',
    timeZone: row.time_zone,
    createdAt: row.created_at,
  }
}
