import type { AccountView, UpdateAccountInput } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { findAccount, updateAccountRow } from './account.repo.ts'
import type { AccountUpdate } from './account.table.ts'
import { toAccountView } from './account-view.ts'

/** Account settings (name, default language, time zone); audited with before → after. */
export async function updateAccount(deps: Deps, actor: Principal, input: UpdateAccountInput, ip: string | null): Promise<AccountView> {
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    const row = await findAccount(trx, actor.accountId)
    if (!row) throw new AppError('auth.required')
    const update: AccountUpdate = {}
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    const set = <K extends 'name' | 'default_locale' | 'time_zone'>(key: string, column: K, value: string | undefined) => {
      if (value === undefined || value === row[column]) return
      update[column] = value
      changes[key] = { from: row[column], to: value }
    }
    set('name', 'name', input.name)
    set('defaultLocale', 'default_locale', input.defaultLocale)
    set('timeZone', 'time_zone', input.timeZone)
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
}
