import type { MeView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { loadMe } from './me-view.ts'

/** `GET /me`: the CSRF token is included only for cookie sessions, which need it. */
export async function getMe(deps: Deps, principal: Principal): Promise<MeView> {
  return loadMe(deps.db, principal.accountId, principal.agentId, principal.via === 'session' ? principal.csrfToken : undefined)
}
