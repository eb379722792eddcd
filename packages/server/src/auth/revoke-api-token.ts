import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { findApiToken, markApiTokenRevoked } from './token.repo.ts'

/**
 * Revokes a token: one's own, or any in the account for an admin. Someone else's
 * token answers 404, not 403, so ids cannot be probed. Revoking twice is a no-op.
 */
export async function revokeApiToken(deps: Deps, principal: Principal, tokenId: string, ip: string | null): Promise<void> {
  if (!isId(tokenId)) throw new AppError('token.not_found')
  const token = await findApiToken(deps.db, principal.accountId, tokenId)
  if (!token || (token.agent_id !== principal.agentId && principal.role !== 'admin')) throw new AppError('token.not_found')
  if (token.revoked_at) return
  const at = deps.clock.now().toISOString()
  await deps.transact(async (trx) => {
    await markApiTokenRevoked(trx, token.id, at)
    await recordAudit(trx, {
      accountId: principal.accountId,
      actorId: principal.agentId,
      action: 'token.revoked',
      targetType: 'api_token',
      targetId: token.id,
      details: { name: token.name, agentId: token.agent_id, prefix: token.prefix },
      ip,
      at,
    })
  })
}
