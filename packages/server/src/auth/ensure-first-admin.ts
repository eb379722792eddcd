import { sql } from 'kysely'
import { insertAccount, listAccountRows } from '../accounts/account.repo.ts'
import type { Deps } from '../deps.ts'
import { newId } from '../lib/ids.ts'
import { adminCredentials } from './admin-credentials.ts'
import { hashPassword } from './password.ts'
import { putAdmin } from './put-admin.ts'

export const DEFAULT_ACCOUNT_NAME = 'Demo 株式会社'
export const DEFAULT_ADMIN_EMAIL = 'admin@example.com'

export interface EnsureFirstAdminOptions {
  /** Default `admin@example.com` (e.g. from MADOGUCHI_ADMIN_EMAIL). */
  email?: string
  /** Absent: a random password is generated and returned in `generatedPassword`. */
  password?: string
  /** Name of the account created on an empty database. Default `Demo 株式会社`. */
  accountName?: string
  /** Display name of the admin. Default `管理者 (Admin)`. */
  adminName?: string
}

export type EnsureFirstAdminResult =
  /** An active admin already existed somewhere: nothing was changed. */
  | { created: false; accountId: string }
  | {
      created: true
      accountId: string
      /** True when the database had no account and one was made. */
      accountCreated: boolean
      agentId: string
      email: string
      /** Only when no password was given: print it once, it is not stored anywhere. */
      generatedPassword?: string
    }

/**
 * First start: on a database without an active admin, creates the account (when
 * there is none) and its first admin. Idempotent: with an admin present it does
 * nothing, so `npm start` may call it every time. Two nodes starting together on
 * PostgreSQL serialize on an advisory lock, so only one admin and account appear.
 */
export async function ensureFirstAdmin(deps: Deps, options: EnsureFirstAdminOptions = {}): Promise<EnsureFirstAdminResult> {
  const existing = await findAnyAdmin(deps)
  if (existing) return { created: false, accountId: existing }
  const credentials = adminCredentials(options.email ?? DEFAULT_ADMIN_EMAIL, options.password)
  const passwordHash = await hashPassword(credentials.password)
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    if (deps.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('madoguchi.ensure_first_admin'))`.execute(trx)
    const raced = await findAnyAdmin({ db: trx })
    if (raced) return { created: false, accountId: raced } as const
    let account = (await listAccountRows(trx, 1))[0]
    const accountCreated = !account
    account ??= await insertAccount(trx, { id: newId(), name: options.accountName ?? DEFAULT_ACCOUNT_NAME, created_at: at })
    const { agentId } = await putAdmin(trx, {
      accountId: account.id,
      email: credentials.email,
      name: options.adminName ?? '管理者 (Admin)',
      passwordHash,
      via: 'first-start',
      at,
    })

    return {
      created: true,
      accountId: account.id,
      accountCreated,
      agentId,
      email: credentials.email,
      ...(credentials.generated ? { generatedPassword: credentials.password } : {}),
    } as const
  })
}

async function findAnyAdmin(deps: Pick<Deps, 'db'>): Promise<string | undefined> {
  const row = await deps.db.selectFrom('agents').select('account_id').where('role', '=', 'admin').where('active', '=', 1).limit(1).executeTakeFirst()

  return row?.account_id
}
