import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { API_TOKEN_PREFIX } from '../auth/resolve-principal.ts'
import type { Deps } from '../deps.ts'
import { randomToken, sha256 } from '../lib/hash.ts'
import { newId } from '../lib/ids.ts'
import type { TestAgent } from '../test/fixtures.ts'

export interface MemberOptions {
  languages?: string[]
  skills?: string[]
  capacity?: number
  presence?: 'online' | 'away' | 'offline'
  role?: 'agent' | 'supervisor' | 'partner'
  tier?: number
}

/** An agent in a team, inserted directly (fixtures must not depend on the code under test), with a token. */
export async function addMember(deps: Deps, accountId: string, teamId: string, o: MemberOptions = {}): Promise<TestAgent> {
  const now = deps.clock.now().toISOString()
  const id = newId()
  const role = o.role ?? 'agent'
  const email = `m-${id.slice(-8)}@example.com`
  await deps.db.insertInto('agents').values({
    id, account_id: accountId, email, name: `Member ${id.slice(-4)}`, role, created_at: now, updated_at: now,
    languages: JSON.stringify(o.languages ?? ['ja', 'en']), skills: JSON.stringify(o.skills ?? []), capacity: o.capacity ?? 10,
    presence: o.presence ?? 'online', tier: o.tier ?? 1,
  }).execute()
  await deps.db.insertInto('agent_teams').values({ account_id: accountId, agent_id: id, team_id: teamId }).execute()
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  await deps.db.insertInto('api_tokens').values({ id: newId(), account_id: accountId, agent_id: id, name: 'test', token_hash: sha256(token), prefix: token.slice(0, 10), created_at: now }).execute()

  return { id, role, email, token, headers: { authorization: `Bearer ${token}` } }
}

export async function addTeam(deps: Deps, accountId: string, name: string): Promise<string> {
  const id = newId()
  await deps.db.insertInto('teams').values({ id, account_id: accountId, name, is_partner: 0, created_at: deps.clock.now().toISOString() }).execute()

  return id
}

export async function setRouting(app: FastifyInstance, who: TestAgent, teamId: string, body: Record<string, unknown>): Promise<void> {
  const res = await app.inject({ method: 'PATCH', url: `/api/v1/teams/${teamId}/routing`, headers: who.headers, payload: body })
  expect(res.statusCode, res.body).toBe(200)
}
