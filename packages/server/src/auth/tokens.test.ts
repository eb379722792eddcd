import { describe, expect, it } from 'vitest'
import { sha256 } from '../lib/hash.ts'
import { testDialects } from '../test/dialects.ts'
import { startAuthTestApp } from './auth-test-helpers.ts'

describe.each(testDialects())('API tokens on %s', (dialect) => {
  it('shows a new token once, stores only its hash, lists it without the secret and lets it sign requests', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const created = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: account.supervisor.headers, payload: { name: 'CI' } })
    expect(created.statusCode).toBe(201)
    const body = created.json()
    expect(body).toMatchObject({ name: 'CI', expiresAt: null })
    expect(body.token).toMatch(/^mdg_[A-Za-z0-9_-]{43}$/)
    expect(body.token.startsWith(body.prefix)).toBe(true)
    const row = await deps.db.selectFrom('api_tokens').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(sha256(body.token))
    expect(JSON.stringify(row)).not.toContain(body.token)

    const list = await app.inject({ url: '/api/v1/tokens', headers: account.supervisor.headers })
    expect(list.body).not.toContain(body.token)
    expect(list.json().items.map((t: { name: string }) => t.name)).toEqual(['CI', 'test'])
    const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } })
    expect(me.json()).toMatchObject({ id: account.supervisor.id })
    // Other agents' tokens are not listed.
    const others = await app.inject({ url: '/api/v1/tokens', headers: account.agent.headers })
    expect(others.json().items.map((t: { name: string }) => t.name)).toEqual(['test'])
  })

  it('revokes: own token yes, someone else\'s 404 unless admin; a revoked token stops working; audited', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const mint = async () =>
      (await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: account.agent.headers, payload: { name: 'script' } })).json() as { id: string; token: string }
    const first = await mint()
    const del = (id: string, headers: Record<string, string>) => app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers })

    expect((await del(first.id, account.supervisor.headers)).statusCode).toBe(404)
    expect((await del(first.id, account.agent.headers)).statusCode).toBe(204)
    expect((await del(first.id, account.agent.headers)).statusCode).toBe(204)
    const refused = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${first.token}` } })
    expect(refused.statusCode).toBe(401)
    expect(refused.json().error.code).toBe('auth.token_invalid')

    const second = await mint()
    expect((await del(second.id, account.admin.headers)).statusCode).toBe(204)
    expect((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${second.token}` } })).statusCode).toBe(401)
    expect((await del('0190a000-0000-7000-8000-000000000000', account.admin.headers)).statusCode).toBe(404)

    const audit = await deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'target_id']).orderBy('id').execute()
    expect(audit).toEqual([
      { action: 'token.created', actor_id: account.agent.id, target_id: first.id },
      { action: 'token.revoked', actor_id: account.agent.id, target_id: first.id },
      { action: 'token.created', actor_id: account.agent.id, target_id: second.id },
      { action: 'token.revoked', actor_id: account.admin.id, target_id: second.id },
    ])
  })

  it('requests arriving together with different tokens, one revoked and one unknown, each get their own answer', async () => {
    const { app, account } = await startAuthTestApp(dialect)
    const mint = async (headers: Record<string, string>) =>
      (await app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'together' } })).json() as { id: string; token: string }
    const agents = [account.agent, account.supervisor, account.admin]
    const tokens = await Promise.all(agents.map((a) => mint(a.headers)))
    const revoked = await mint(account.agent.headers)
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${revoked.id}`, headers: account.agent.headers })).statusCode).toBe(204)

    const bearers = [...tokens.map((t) => t.token), revoked.token, 'mdg_unknown', ...tokens.map((t) => t.token)]
    const answers = await Promise.all(bearers.map((token) => app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })))
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 401, 401, 200, 200, 200])
    const ids = answers.filter((a) => a.statusCode === 200).map((a) => (a.json() as { id: string }).id)
    expect(ids).toEqual([...agents, ...agents].map((a) => a.id))
  })

  it('honours expiresAt and refuses one in the past', async () => {
    const { app, account, clock } = await startAuthTestApp(dialect)
    const post = (expiresAt: string) =>
      app.inject({ method: 'POST', url: '/api/v1/tokens', headers: account.agent.headers, payload: { name: 'temp', expiresAt } })
    expect((await post('2026-11-27T08:59:00Z')).statusCode).toBe(422)
    expect((await post('tomorrow')).statusCode).toBe(422)
    const created = (await post('2026-11-28T09:00:00+09:00')).json()
    expect(created.expiresAt).toBe('2026-11-28T00:00:00.000Z')
    const me = () => app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${created.token}` } })
    expect((await me()).statusCode).toBe(200)
    clock.advance(15 * 3600 * 1000)
    expect((await me()).statusCode).toBe(401)
  })

  it('rejects malformed bearer headers and unknown tokens with 401', async () => {
    const { app } = await startAuthTestApp(dialect)
    for (const authorization of ['Bearer', 'Bearer nope', 'Basic abc', 'Bearer mdg_unknown']) {
      const res = await app.inject({ url: '/api/v1/me', headers: { authorization } })
      expect(res.statusCode, authorization).toBe(401)
    }
  })

  it('never stores a token secret for Idempotency-Key replays: a retried POST mints a new token', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const post = () => app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { ...account.agent.headers, 'idempotency-key': 'k1' }, payload: { name: 'retry' } })
    const first = (await post()).json()
    const second = (await post()).json()
    expect(second.token).not.toBe(first.token)
    const stored = await deps.db.selectFrom('idempotency_keys').selectAll().execute()
    expect(JSON.stringify(stored)).not.toContain(first.token)
  })
})
