import { describe, expect, it } from 'vitest'
import { signIn, startAuthTestApp } from '../auth/auth-test-helpers.ts'
import { testDialects } from '../test/dialects.ts'

const base = { name: '山田 太郎', role: 'agent' }

describe.each(testDialects())('agents on %s', (dialect) => {
  it('invites an agent with a chosen password, or generates one shown once; both can sign in', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/agents', headers: account.admin.headers, payload })

    const chosen = await post({ ...base, email: ' Taro@Example.COM ', password: 'taro password', teamIds: [account.teamId], languages: ['ja', 'en'], skills: ['返品'], tier: 2, capacity: 5, timeZone: 'Asia/Tokyo', locale: 'en' })
    expect(chosen.statusCode).toBe(201)
    expect(chosen.json()).not.toHaveProperty('temporaryPassword')
    expect(chosen.json().agent).toMatchObject({
      email: 'taro@example.com', name: '山田 太郎', role: 'agent', teamIds: [account.teamId], languages: ['ja', 'en'],
      skills: ['返品'], tier: 2, capacity: 5, locale: 'en', active: true,
    })
    await signIn(app, 'taro@example.com', 'taro password')

    const generated = await post({ ...base, email: 'hanako@example.com', role: 'supervisor' })
    expect(generated.statusCode).toBe(201)
    const { temporaryPassword, agent } = generated.json()
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/)
    await signIn(app, 'hanako@example.com', temporaryPassword)
    const row = await deps.db.selectFrom('agents').select('password_hash').where('id', '=', agent.id).executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    expect(JSON.stringify(await app.inject({ url: `/api/v1/agents/${agent.id}`, headers: account.admin.headers }).then((r) => r.json()))).not.toContain('argon2')

    const audit = await deps.db.selectFrom('audit_log').select(['action', 'target_id', 'actor_id']).where('action', '=', 'agent.created').orderBy('id').execute()
    expect(audit).toEqual([
      { action: 'agent.created', target_id: chosen.json().agent.id, actor_id: account.admin.id },
      { action: 'agent.created', target_id: agent.id, actor_id: account.admin.id },
    ])
  })

  it('refuses a taken email (any case), unknown teams and bad fields', async () => {
    const { app, account } = await startAuthTestApp(dialect)
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/agents', headers: account.admin.headers, payload })
    const taken = await post({ ...base, email: account.agent.email.toUpperCase() })
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'agent.email_taken'])
    const team = await post({ ...base, email: 'x@example.com', teamIds: ['0190a000-0000-7000-8000-000000000000'] })
    expect([team.statusCode, team.json().error.code]).toEqual([422, 'agent.team_not_found'])
    for (const bad of [{ ...base, email: 'not-an-email' }, { ...base, email: 'y@example.com', role: 'owner' }, { ...base, email: 'y@example.com', tier: 4 },
      { ...base, email: 'y@example.com', password: 'short' }, { ...base, email: 'y@example.com', timeZone: 'JST' }, { ...base, email: 'y@example.com', isAdmin: true }]) {
      expect((await post(bad)).statusCode, JSON.stringify(bad)).toBe(422)
    }
  })

  it('lists with cursor pages and filters; partners see only agents of their teams', async () => {
    const { app, account } = await startAuthTestApp(dialect)
    const colleague = (await app.inject({ method: 'POST', url: '/api/v1/agents', headers: account.admin.headers, payload: { ...base, email: 'bpo2@example.com', role: 'partner', teamIds: [account.partnerTeamId] } })).json().agent
    const ids: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await app.inject({ url: `/api/v1/agents?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: account.supervisor.headers })
      expect(res.statusCode).toBe(200)
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null }
      ids.push(...body.items.map((a) => a.id))
      cursor = body.nextCursor
      pages++
    } while (cursor)
    expect(ids).toEqual([account.admin.id, account.supervisor.id, account.agent.id, account.partner.id, colleague.id])
    expect(pages).toBe(3)

    const list = async (query: string, headers = account.admin.headers) =>
      (await app.inject({ url: `/api/v1/agents${query}`, headers })).json().items.map((a: { id: string }) => a.id)
    expect(await list(`?teamId=${account.partnerTeamId}`)).toEqual([account.partner.id, colleague.id])
    expect(await list('?role=supervisor')).toEqual([account.supervisor.id])
    expect(await list('', account.partner.headers)).toEqual([account.partner.id, colleague.id])
    expect((await app.inject({ url: `/api/v1/agents/${account.agent.id}`, headers: account.partner.headers })).statusCode).toBe(404)
    expect((await app.inject({ url: `/api/v1/agents/${colleague.id}`, headers: account.partner.headers })).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/agents?cursor=bm9wZQ', headers: account.admin.headers })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/agents?limit=0', headers: account.admin.headers })).statusCode).toBe(422)
  })

  it('changes role and teams, deactivates and reactivates, with an audit entry for each', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/agents/${account.agent.id}`, headers: account.admin.headers, payload })
    const promoted = await patch({ role: 'supervisor', teamIds: [account.teamId, account.partnerTeamId, account.teamId], skills: ['LINE'] })
    expect(promoted.statusCode).toBe(200)
    expect(promoted.json()).toMatchObject({ role: 'supervisor', teamIds: [account.teamId, account.partnerTeamId].sort(), skills: ['LINE'] })
    expect((await patch({ active: false })).json()).toMatchObject({ active: false })
    expect((await app.inject({ url: `/api/v1/agents?active=false`, headers: account.admin.headers })).json().items.map((a: { id: string }) => a.id)).toEqual([account.agent.id])
    expect((await patch({ active: true })).json()).toMatchObject({ active: true })
    expect((await patch({ role: 'supervisor' })).statusCode).toBe(200) // no change, no audit

    const audit = await deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', account.agent.id).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['agent.updated', 'agent.role_changed', 'agent.updated', 'agent.deactivated', 'agent.updated', 'agent.reactivated'])
    expect(JSON.parse(audit[0]!.details).changes).toEqual({
      role: { from: 'agent', to: 'supervisor' },
      skills: { from: [], to: ['LINE'] },
      teamIds: { from: [account.teamId], to: [account.teamId, account.partnerTeamId].sort() },
    })
  })

  it('does not let an admin deactivate or demote themselves', async () => {
    const { app, account } = await startAuthTestApp(dialect)
    const patchSelf = (payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/agents/${account.admin.id}`, headers: account.admin.headers, payload })
    for (const payload of [{ active: false }, { role: 'agent' }]) {
      const res = await patchSelf(payload)
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'agent.cannot_deactivate_self'])
    }
    expect((await patchSelf({ name: '管理者', role: 'admin' })).statusCode).toBe(200)
    // Another admin may demote this one.
    const other = (await app.inject({ method: 'POST', url: '/api/v1/agents', headers: account.admin.headers, payload: { ...base, email: 'admin2@example.com', role: 'admin', password: 'admin2 password' } })).json().agent
    const session = await signIn(app, 'admin2@example.com', 'admin2 password')
    const demoted = await app.inject({ method: 'PATCH', url: `/api/v1/agents/${account.admin.id}`, headers: session.headers, payload: { role: 'agent' } })
    expect(demoted.json()).toMatchObject({ role: 'agent' })
    expect(other.role).toBe('admin')
    expect((await app.inject({ url: '/api/v1/audit-log', headers: account.admin.headers })).statusCode).toBe(403)
  })

  it('resets a password (ending sessions), refuses a taken email, 404s unknown agents', async () => {
    const { app, account } = await startAuthTestApp(dialect)
    const patch = (id: string, payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/agents/${id}`, headers: account.admin.headers, payload })
    await patch(account.agent.id, { password: 'first password' })
    const session = await signIn(app, account.agent.email, 'first password')
    expect((await patch(account.agent.id, { password: 'second password' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401)
    await signIn(app, account.agent.email, 'second password')
    expect((await patch(account.agent.id, { email: account.partner.email })).statusCode).toBe(409)
    expect((await patch('0190a000-0000-7000-8000-000000000000', { name: 'x' })).statusCode).toBe(404)
    expect((await patch(account.agent.id, { teamIds: ['nope'] })).statusCode).toBe(422)
  })
})
