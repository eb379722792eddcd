import { listAccountRows } from '../accounts/account.repo.ts'
import type { AccountRow } from '../accounts/account.table.ts'
import type { Deps } from '../deps.ts'

/**
 * Which company's help center a request is for: the account whose help-center host
 * is the request's host name (`help.shop.example`, port ignored), else the install's
 * first account — so a single-company install needs no setting at all.
 */
export async function helpCenterAccount(deps: Pick<Deps, 'db'>, hostname: string): Promise<AccountRow | undefined> {
  const host = hostname.replace(/:\d+$/, '').toLowerCase()
  if (host) {
    const own = await deps.db.selectFrom('accounts').selectAll().where('help_center_host', '=', host).executeTakeFirst()
    if (own) return own
  }

  return (await listAccountRows(deps.db, 1))[0]
}
