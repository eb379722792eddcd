import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { setPassword, signIn, startAuthTestApp } from './auth-test-helpers.ts'
import { SESSION_COOKIE } from './resolve-principal.ts'

const PASSWORD = 'first password 1'

describe.each(testDialects())('/me and sessions on %s', (dialect) => {
  it('shows the caller; the CSRF token only for cookie sessions', async () => {
    const { app, account } = await startAuthTestApp(dialect)
    const res = await app.inject({ url: '/api/v1/me', headers: account.partner.headers })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: account.partner.id, role: 'partner', teamIds: [account.partnerTeamId] })
    expect(res.json()).not.toHaveProperty('csrfToken')
    expect((await app.inject({ url: '/api/v1/me' })).json().error.code).toBe('auth.required')
  })

  it('updates name, locale and time zone; refuses unknown zones, locales and fields', async () => {
    const { app, account } = await startAuthTestApp(dialect)
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: '/api/v1/me', headers: account.agent.headers, payload })
    const ok = await patch({ name: '佐藤 花子', locale: 'en', timeZone: 'America/New_York' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ name: '佐藤 花子', locale: 'en', timeZone: 'America/New_York' })
    for (const bad of [{ timeZone: 'Mars/Olympus_Mons' }, { timeZone: 'Tokyo; drop table' }, { locale: 'fr' }, { role: 'admin' }, { name: '' }]) {
      const res = await patch(bad)
      expect(res.statusCode, JSON.stringify(bad)).toBe(422)
    }
    // Errors now come in the agent's chosen language.
    expect((await patch({ locale: 'de' })).json().error.message).toBe('Some fields are missing or invalid.')
    expect((await app.inject({ url: '/api/v1/me', headers: account.agent.headers })).json()).toMatchObject({ role: 'agent', locale: 'en' })
  })

  it('changes the password only with the current one, and signs out the other sessions', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, PASSWORD)
    const here = await signIn(app, account.agent.email, PASSWORD)
    const elsewhere = await signIn(app, account.agent.email, PASSWORD)
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: '/api/v1/me', headers: here.headers, payload })

    expect((await patch({ newPassword: 'second password 2' })).statusCode).toBe(422)
    const wrong = await patch({ currentPassword: 'nope', newPassword: 'second password 2' })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.code).toBe('auth.current_password_incorrect')
    expect((await patch({ currentPassword: PASSWORD, newPassword: 'short' })).statusCode).toBe(422)

    const ok = await patch({ currentPassword: PASSWORD, newPassword: 'second password 2' })
    expect(ok.statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: here.cookie } })).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401)
    const old = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.agent.email, password: PASSWORD } })
    expect(old.statusCode).toBe(401)
    await signIn(app, account.agent.email, 'second password 2')
    const audit = await deps.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.password_changed').execute()
    expect(audit).toHaveLength(1)
  })

  it('logs out: the session row goes, the cookie is cleared, and logging out twice is fine', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, PASSWORD)
    const session = await signIn(app, account.agent.email, PASSWORD)
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } })
    expect(out.statusCode).toBe(204)
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE)
    expect(cleared?.value).toBe('')
    expect(await deps.db.selectFrom('sessions').selectAll().execute()).toEqual([])
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } })).statusCode).toBe(204)
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204)
  })

  it('keeps a session alive while it is used and ends it after 14 idle days', async () => {
    const { app, deps, account, clock } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, PASSWORD)
    const session = await signIn(app, account.agent.email, PASSWORD)
    const me = () => app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })
    const day = 24 * 3600 * 1000
    clock.advance(10 * day)
    expect((await me()).statusCode).toBe(200)
    clock.advance(10 * day) // 20 days after login, 10 after the last use
    expect((await me()).statusCode).toBe(200)
    clock.advance(14 * day + 1000)
    expect((await me()).statusCode).toBe(401)
  })

  it('ends sessions of an agent who is deactivated', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, PASSWORD)
    const session = await signIn(app, account.agent.email, PASSWORD)
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/agents/${account.agent.id}`, headers: account.admin.headers, payload: { active: false } })
    expect(res.statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401)
    expect(await deps.db.selectFrom('sessions').selectAll().execute()).toEqual([])
    expect((await app.inject({ url: '/api/v1/me', headers: account.agent.headers })).statusCode).toBe(401)
  })
})
