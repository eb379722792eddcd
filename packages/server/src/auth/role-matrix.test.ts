import { describe, expect, it } from 'vitest'
import type { Role } from '@madoguchi/shared'
import { newId } from '../lib/ids.ts'
import { randomToken, sha256 } from '../lib/hash.ts'
import { testDialects } from '../test/dialects.ts'
import type { TestContext } from '../test/test-app.ts'
import { startTestApp } from '../test/test-app.ts'

type Caller = Role | 'anonymous'
const CALLERS: Caller[] = ['anonymous', 'partner', 'agent', 'supervisor', 'admin']

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Builds the URL (and creates what it points at) before each call. */
  url: (ctx: TestContext, caller: Caller) => string | Promise<string>
  body?: (caller: Caller) => object
  expect: Record<Caller, number>
}

const all = (ok: number): Record<Caller, number> => ({ anonymous: 401, partner: ok, agent: ok, supervisor: ok, admin: ok })
const adminOnly = (ok: number): Record<Caller, number> => ({ anonymous: 401, partner: 403, agent: 403, supervisor: 403, admin: ok })
const supervisors = (ok: number): Record<Caller, number> => ({ anonymous: 401, partner: 403, agent: 403, supervisor: ok, admin: ok })

/** A token of a fifth agent, so that each caller tries to revoke someone else's. */
async function someoneElsesToken({ deps, account }: TestContext): Promise<string> {
  const now = deps.clock.now().toISOString()
  const agentId = newId()
  await deps.db.insertInto('agents').values({ id: agentId, account_id: account.accountId, email: `${agentId}@example.com`, name: 'x', role: 'agent', created_at: now, updated_at: now }).execute()
  const id = newId()
  await deps.db.insertInto('api_tokens').values({ id, account_id: account.accountId, agent_id: agentId, name: 'x', token_hash: sha256(randomToken()), prefix: 'mdg_x', created_at: now }).execute()

  return `/api/v1/tokens/${id}`
}

const CASES: Record<string, Case> = {
  'POST /auth/login (wrong password)': {
    method: 'POST', url: () => '/api/v1/auth/login', body: () => ({ email: 'nobody@example.com', password: 'x' }),
    expect: { anonymous: 401, partner: 401, agent: 401, supervisor: 401, admin: 401 },
  },
  'POST /auth/logout': { method: 'POST', url: () => '/api/v1/auth/logout', expect: { anonymous: 204, partner: 204, agent: 204, supervisor: 204, admin: 204 } },
  'GET /me': { method: 'GET', url: () => '/api/v1/me', expect: all(200) },
  'PATCH /me': { method: 'PATCH', url: () => '/api/v1/me', body: () => ({ name: 'New name' }), expect: all(200) },
  'GET /tokens': { method: 'GET', url: () => '/api/v1/tokens', expect: all(200) },
  'POST /tokens': { method: 'POST', url: () => '/api/v1/tokens', body: () => ({ name: 'cli' }), expect: all(201) },
  'DELETE /tokens/:id (someone else\'s)': {
    method: 'DELETE', url: someoneElsesToken,
    expect: { anonymous: 401, partner: 404, agent: 404, supervisor: 404, admin: 204 },
  },
  'GET /agents': { method: 'GET', url: () => '/api/v1/agents', expect: all(200) },
  'POST /agents': { method: 'POST', url: () => '/api/v1/agents', body: (c) => ({ email: `${c}-new@example.com`, name: 'New', role: 'agent', password: 'password 123' }), expect: adminOnly(201) },
  'GET /agents/:id (a Support agent)': {
    method: 'GET', url: ({ account }) => `/api/v1/agents/${account.agent.id}`,
    expect: { anonymous: 401, partner: 404, agent: 200, supervisor: 200, admin: 200 },
  },
  'PATCH /agents/:id': { method: 'PATCH', url: ({ account }) => `/api/v1/agents/${account.agent.id}`, body: () => ({ tier: 2 }), expect: adminOnly(200) },
  'PATCH /agents/:id (role)': { method: 'PATCH', url: ({ account }) => `/api/v1/agents/${account.partner.id}`, body: () => ({ role: 'admin' }), expect: adminOnly(200) },
  'GET /teams': { method: 'GET', url: () => '/api/v1/teams', expect: all(200) },
  'POST /teams': { method: 'POST', url: () => '/api/v1/teams', body: (c) => ({ name: `Team of ${c}` }), expect: supervisors(201) },
  'PATCH /teams/:id': { method: 'PATCH', url: ({ account }) => `/api/v1/teams/${account.teamId}`, body: (c) => ({ description: `by ${c}` }), expect: supervisors(200) },
  'GET /account': { method: 'GET', url: () => '/api/v1/account', expect: all(200) },
  'PATCH /account': { method: 'PATCH', url: () => '/api/v1/account', body: (c) => ({ name: `Renamed by ${c}` }), expect: adminOnly(200) },
  'GET /audit-log': { method: 'GET', url: () => '/api/v1/audit-log', expect: adminOnly(200) },
}

describe.each(testDialects())('role matrix of auth, agents, teams, account and audit routes on %s', (dialect) => {
  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const ctx = await startTestApp(dialect)
    const got: Record<string, number> = {}
    // Least privileged first: a refused call must not depend on what an admin did before.
    for (const caller of CALLERS) {
      const headers = caller === 'anonymous' ? {} : ctx.account[caller].headers
      const res = await ctx.app.inject({ method: c.method, url: await c.url(ctx, caller), headers, ...(c.body ? { payload: c.body(caller) } : {}) })
      got[caller] = res.statusCode
    }
    expect(got).toEqual(c.expect)
  })

  it('leaves nothing behind from refused calls: an agent cannot create, change or promote agents', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const before = await deps.db.selectFrom('agents').selectAll().orderBy('id').execute()
    for (const caller of ['agent', 'partner', 'supervisor'] as const) {
      const headers = account[caller].headers
      await app.inject({ method: 'POST', url: '/api/v1/agents', headers, payload: { email: 'sneaky@example.com', name: 'x', role: 'admin', password: 'password 123' } })
      await app.inject({ method: 'PATCH', url: `/api/v1/agents/${account[caller].id}`, headers, payload: { role: 'admin' } })
      await app.inject({ method: 'PATCH', url: `/api/v1/agents/${account.admin.id}`, headers, payload: { active: false } })
    }
    expect(await deps.db.selectFrom('agents').selectAll().orderBy('id').execute()).toEqual(before)
    expect(await deps.db.selectFrom('audit_log').selectAll().execute()).toEqual([])
  })

  it('answers NUL characters and malformed ids with a 4xx, never a 500 (PostgreSQL refuses NUL in text)', async () => {
    const { app, account } = await startTestApp(dialect)
    const calls = [
      { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a\u0000b@example.com', password: 'x' } },
      { method: 'POST', url: '/api/v1/teams', payload: { name: 'a\u0000b' } },
      { method: 'PATCH', url: '/api/v1/me', payload: { name: 'a\u0000b' } },
      { method: 'GET', url: '/api/v1/agents?teamId=%00' },
      { method: 'GET', url: '/api/v1/audit-log?action=%00' },
      { method: 'DELETE', url: '/api/v1/tokens/%00' },
      { method: 'GET', url: '/api/v1/agents/%00' },
      { method: 'PATCH', url: '/api/v1/teams/not-an-id', payload: { name: 'x' } },
    ] as const
    for (const call of calls) {
      const res = await app.inject({ ...call, headers: account.admin.headers })
      expect(res.statusCode, `${call.method} ${call.url}`).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, `${call.method} ${call.url}`).toBeLessThan(500)
    }
  })
})
