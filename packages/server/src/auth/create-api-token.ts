import type { CreatedApiTokenView } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { randomToken, sha256 } from '../lib/hash.ts'
import { newId } from '../lib/ids.ts'
import { API_TOKEN_PREFIX } from './resolve-principal.ts'
import { insertApiToken } from './token.repo.ts'

/** `mdg_` + 4 characters: enough to tell tokens apart in a list, useless to an attacker. */
const VISIBLE_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 4

export interface CreateApiTokenRequest {
  accountId: string
  /** The agent the token acts as. */
  agentId: string
  name: string
  /** ISO-8601; must be in the future. Null or absent: never expires. */
  expiresAt?: string | null
  /** Who asked for it (null when the CLI does it); defaults to `agentId`. */
  actorId?: string | null
  ip?: string | null
}

/**
 * Mints a personal API token (`mdg_` + 256 random bits). The token is returned
 * here and nowhere else; only its sha256 is stored. Used by `POST /tokens` and
 * by `madoguchi token create`.
 */
export async function createApiToken(deps: Deps, input: CreateApiTokenRequest): Promise<CreatedApiTokenView> {
  const now = deps.clock.now()
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null
  if (expiresAt && !(expiresAt.getTime() > now.getTime())) {
    throw new AppError('request.validation_failed', [{ path: 'expiresAt', code: 'in_the_past', message: 'expiresAt must be in the future' }])
  }
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`
  const id = newId(now.getTime())
  const at = now.toISOString()
  const row = {
    id,
    account_id: input.accountId,
    agent_id: input.agentId,
    name: input.name,
    token_hash: sha256(token),
    prefix: token.slice(0, VISIBLE_PREFIX_LENGTH),
    created_at: at,
    last_used_at: null,
    expires_at: expiresAt ? expiresAt.toISOString() : null,
    revoked_at: null,
  }
  await deps.transact(async (trx) => {
    await insertApiToken(trx, row)
    await recordAudit(trx, {
      accountId: input.accountId,
      actorId: input.actorId === undefined ? input.agentId : input.actorId,
      action: 'token.created',
      targetType: 'api_token',
      targetId: id,
      details: { name: input.name, agentId: input.agentId, prefix: row.prefix, expiresAt: row.expires_at },
      ip: input.ip ?? null,
      at,
    })
  })

  return { id, name: row.name, token, prefix: row.prefix, createdAt: at, expiresAt: row.expires_at }
}
