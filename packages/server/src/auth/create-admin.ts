import { findAccount, insertAccount, listAccountRows } from '../accounts/account.repo.ts'
import type { AccountRow } from '../accounts/account.table.ts'
import type { Deps } from '../deps.ts'
import type { Trx } from '../db/database.ts'
import { newId } from '../lib/ids.ts'
import { adminCredentials } from './admin-credentials.ts'
import { DEFAULT_ACCOUNT_NAME } from './ensure-first-admin.ts'
import { hashPassword } from './password.ts'
import { putAdmin } from './put-admin.ts'

export interface CreateAdminOptions {
  email: string
  /** Absent: a random password is generated and returned in `generatedPassword`. */
  password?: string
  /** Display name for a new agent. Default: the part of the email before `@`. */
  name?: string
  /** Required only when the database holds several accounts. */
  accountId?: string
}

export interface CreateAdminResult {
  accountId: string
  agentId: string
  email: string
  /** True when an agent with this email existed and was promoted / re-enabled. */
  existed: boolean
  /** Only when no password was given: print it once. */
  generatedPassword?: string
}

async function pickAccount(trx: Trx, accountId: string | undefined, at: string): Promise<AccountRow> {
  if (accountId) {
    const account = await findAccount(trx, accountId)
    if (!account) throw new Error(`No account with id ${accountId}`)

    return account
  }
  const accounts = await listAccountRows(trx, 2)
  if (accounts.length > 1) throw new Error('Several accounts exist: pass the account id')

  return accounts[0] ?? (await insertAccount(trx, { id: newId(), name: DEFAULT_ACCOUNT_NAME, created_at: at }))
}

/**
 * `madoguchi create-admin`: makes `email` an active admin with a known password. An
 * existing agent with that email is promoted, re-enabled and given the new password
 * (their sessions end): the way back in for a locked-out team. Audited as the system.
 */
export async function createAdmin(deps: Deps, options: CreateAdminOptions): Promise<CreateAdminResult> {
  const credentials = adminCredentials(options.email, options.password)
  const passwordHash = await hashPassword(credentials.password)
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    const account = await pickAccount(trx, options.accountId, at)
    const { agentId, existed } = await putAdmin(trx, {
      accountId: account.id,
      email: credentials.email,
      name: options.name?.trim() || credentials.email.split('@')[0]!,
      passwordHash,
      via: 'cli',
      at,
    })

    return {
      accountId: account.id,
      agentId,
      email: credentials.email,
      existed,
      ...(credentials.generated ? { generatedPassword: credentials.password } : {}),
    }
  })
}
