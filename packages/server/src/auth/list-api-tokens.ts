import type { ApiTokenView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { listApiTokensOfAgent } from './token.repo.ts'
import { toApiTokenView } from './token-view.ts'

/** The caller's own tokens, without secrets. */
export async function listApiTokens(deps: Deps, principal: Principal): Promise<{ items: ApiTokenView[] }> {
  const rows = await listApiTokensOfAgent(deps.db, principal.accountId, principal.agentId)

  return { items: rows.map(toApiTokenView) }
}
