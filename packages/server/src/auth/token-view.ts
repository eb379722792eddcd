import type { ApiTokenView } from '@madoguchi/shared'
import type { ApiTokenRow } from './auth.table.ts'

/** Lists never carry the secret (only its hash is stored anyway). */
export function toApiTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  }
}
