import type { Role } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { newId } from '../lib/ids.ts'
import { randomToken, sha256 } from '../lib/hash.ts'
import { API_TOKEN_PREFIX } from '../auth/resolve-principal.ts'

export interface TestAgent {
  id: string
  role: Role
  email: string
  token: string
  /** `{ authorization: 'Bearer …' }` for app.inject */
  headers: { authorization: string }
}

export interface TestAccount {
  accountId: string
  teamId: string
  partnerTeamId: string
  admin: TestAgent
  supervisor: TestAgent
  agent: TestAgent
  partner: TestAgent
}

/**
 * An account with one agent of every role, each with an API token. Rows are
 * inserted directly so that fixtures do not depend on the code under test.
 * The partner belongs only to the partner team; the others to the main team.
 */
export async function seedTestAccount(deps: Deps, name = 'Test Co'): Promise<TestAccount> {
  const now = deps.clock.now().toISOString()
  const accountId = newId()
  await deps.db.insertInto('accounts').values({ id: accountId, name, created_at: now }).execute()
  const teamId = newId()
  const partnerTeamId = newId()
  await deps.db.insertInto('teams').values([
    { id: teamId, account_id: accountId, name: 'Support', is_partner: 0, created_at: now },
    { id: partnerTeamId, account_id: accountId, name: 'Partner BPO', is_partner: 1, created_at: now },
  ]).execute()
  const make = async (role: Role): Promise<TestAgent> => {
    const id = newId()
    const email = `${role}-${id.slice(-6)}@example.com`
    await deps.db.insertInto('agents').values({ id, account_id: accountId, email, name: `Test ${role}`, role, created_at: now, updated_at: now }).execute()
    await deps.db.insertInto('agent_teams').values({ account_id: accountId, agent_id: id, team_id: role === 'partner' ? partnerTeamId : teamId }).execute()
    const token = `${API_TOKEN_PREFIX}${randomToken()}`
    await deps.db.insertInto('api_tokens').values({ id: newId(), account_id: accountId, agent_id: id, name: 'test', token_hash: sha256(token), prefix: token.slice(0, 10), created_at: now }).execute()

    return { id, role, email, token, headers: { authorization: `Bearer ${token}` } }
  }

  return {
    accountId,
    teamId,
    partnerTeamId,
    admin: await make('admin'),
    supervisor: await make('supervisor'),
    agent: await make('agent'),
    partner: await make('partner'),
  }
}
