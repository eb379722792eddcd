import type { AccountView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { findAccount } from './account.repo.ts'
import { toAccountView } from './account-view.ts'

export async function getAccount(deps: Deps, principal: Principal): Promise<AccountView> {
  const row = await findAccount(deps.db, principal.accountId)
  // The principal came from a row of this account, so only a concurrent delete lands here.
  if (!row) throw new AppError('auth.required')

  return toAccountView(row)
}
