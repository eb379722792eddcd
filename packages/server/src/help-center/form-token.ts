import { createHmac, randomBytes } from 'node:crypto'
import type { Deps } from '../deps.ts'
import { safeEqual } from '../lib/hash.ts'

/** A form older than this must be reloaded (a token cannot be collected once and replayed for days). */
export const FORM_TOKEN_MAX_AGE_MS = 2 * 60 * 60 * 1000

/**
 * The help center's forms are anonymous, so there is no session to tie a CSRF
 * token to. Instead each form carries `<timestamp>.<HMAC(secret, purpose, timestamp)>`:
 * a post must come from a form we served recently, for this purpose. The secret
 * is per account and in the database, so every app node verifies every token.
 */
async function secretOf(deps: Pick<Deps, 'db' | 'clock'>, accountId: string): Promise<string> {
  const existing = await deps.db.selectFrom('help_center_secrets').select('secret').where('account_id', '=', accountId).executeTakeFirst()
  if (existing) return existing.secret
  await deps.db.insertInto('help_center_secrets')
    .values({ account_id: accountId, secret: randomBytes(32).toString('base64url'), created_at: deps.clock.now().toISOString() })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute()
  // Two nodes may race to create it: whichever insert won is the secret.
  const row = await deps.db.selectFrom('help_center_secrets').select('secret').where('account_id', '=', accountId).executeTakeFirstOrThrow()

  return row.secret
}

function mac(secret: string, purpose: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`${purpose}\n${issuedAt}`).digest('base64url')
}

export async function issueFormToken(deps: Pick<Deps, 'db' | 'clock'>, accountId: string, purpose: string): Promise<string> {
  const issuedAt = deps.clock.now().getTime()

  return `${issuedAt}.${mac(await secretOf(deps, accountId), purpose, issuedAt)}`
}

export async function verifyFormToken(deps: Pick<Deps, 'db' | 'clock'>, accountId: string, purpose: string, token: unknown): Promise<boolean> {
  if (typeof token !== 'string') return false
  const match = /^([0-9]{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return false
  const issuedAt = Number(match[1])
  const age = deps.clock.now().getTime() - issuedAt
  // A little clock skew between nodes is allowed; the future beyond that is not.
  if (age > FORM_TOKEN_MAX_AGE_MS || age < -60_000) return false

  return safeEqual(match[2]!, mac(await secretOf(deps, accountId), purpose, issuedAt))
}
