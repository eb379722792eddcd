import { describe, expect, it } from 'vitest'
import { sha256 } from '../lib/hash.ts'
import { testDialects } from '../test/dialects.ts'
import { setPassword, startAuthTestApp } from './auth-test-helpers.ts'
import { LOGIN_RATE_LIMITS } from './login.ts'
import { SESSION_COOKIE } from './resolve-principal.ts'

const PASSWORD = 'correct horse battery'
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  ({ method: 'POST' as const, url: '/api/v1/auth/login', payload: { email, password }, headers })

describe.each(testDialects())('login on %s', (dialect) => {
  it('signs in with email and password: httpOnly Lax cookie, hashed session row, MeView, audit', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    await setPassword(deps, account.supervisor.id, PASSWORD)
    const res = await app.inject(login(`  ${account.supervisor.email.toUpperCase()} `, PASSWORD, { 'user-agent': 'vitest' }))
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.agent).toEqual({
      id: account.supervisor.id, accountId: account.accountId, accountName: 'Test Co', email: account.supervisor.email,
      name: 'Test supervisor', role: 'supervisor', locale: 'ja', timeZone: 'Asia/Tokyo', teamIds: [account.teamId],
      languages: ['ja'], skills: [], tier: 1, csrfToken: body.csrfToken,
    })
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie.secure).toBeFalsy()
    const sessions = await deps.db.selectFrom('sessions').selectAll().execute()
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({ id_hash: sha256(cookie.value), agent_id: account.supervisor.id, csrf_token: body.csrfToken, user_agent: 'vitest', ip: '127.0.0.1' })
    expect(Date.parse(sessions[0]!.expires_at) - Date.parse(sessions[0]!.created_at)).toBe(14 * 24 * 3600 * 1000)
    const audit = await deps.db.selectFrom('audit_log').selectAll().execute()
    expect(audit).toMatchObject([{ action: 'auth.login_succeeded', actor_id: account.supervisor.id, ip: '127.0.0.1' }])
    // The cookie works for reads without any other header.
    const me = await app.inject({ url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } })
    expect(me.json()).toMatchObject({ id: account.supervisor.id, csrfToken: body.csrfToken })
  })

  it('marks the cookie Secure when the deployment uses secure cookies', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect, { secureCookies: true })
    await setPassword(deps, account.agent.id, PASSWORD)
    const res = await app.inject(login(account.agent.email, PASSWORD))
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true)
  })

  it('answers a wrong password, an unknown email and a deactivated agent alike, and audits the failures', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, PASSWORD)
    await setPassword(deps, account.partner.id, PASSWORD)
    await deps.db.updateTable('agents').set({ active: 0 }).where('id', '=', account.partner.id).execute()
    const answers = [
      await app.inject(login(account.agent.email, 'wrong password')),
      await app.inject(login('nobody@example.com', PASSWORD)),
      await app.inject(login(account.partner.email, PASSWORD)),
      await app.inject(login(account.admin.email, PASSWORD)), // admin has no password at all
    ]
    for (const res of answers) {
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual(answers[0]!.json())
      expect(res.json().error.code).toBe('auth.invalid_credentials')
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    const audit = await deps.db.selectFrom('audit_log').select(['action', 'target_id', 'details']).orderBy('id').execute()
    expect(audit.map((a) => [a.action, a.target_id, JSON.parse(a.details).reason])).toEqual([
      ['auth.login_failed', account.agent.id, 'wrong_password'],
      ['auth.login_failed', account.partner.id, 'inactive'],
      ['auth.login_failed', account.admin.id, 'wrong_password'],
    ])
    expect(await deps.db.selectFrom('sessions').selectAll().execute()).toEqual([])
  })

  it('takes as long for an unknown email as for a wrong password (no user enumeration by timing)', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, PASSWORD)
    const median = async (email: string) => {
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const started = performance.now()
        await app.inject(login(email, `wrong-${i}`))
        times.push(performance.now() - started)
      }

      return times.sort((a, b) => a - b)[2]!
    }
    await median('warm-up@example.com')
    const wrongPassword = await median(account.agent.email)
    const unknownEmail = await median('ghost@example.com')
    // Both run one argon2 verification (tens of ms); without the dummy hash an unknown
    // email would answer in about a millisecond.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.5)
    expect(wrongPassword).toBeGreaterThan(unknownEmail * 0.5)
  })

  it('refuses a malformed body with 422, never 500', async () => {
    const { app } = await startAuthTestApp(dialect)
    for (const payload of [{}, { email: 'a@b.c' }, { email: 1, password: 2 }, { email: 'a@b.c', password: 'x', extra: 1 }]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })
      expect(res.statusCode).toBe(422)
    }
  })

  it('limits attempts per email, with Retry-After, even for the right password, until the window ends', async () => {
    const { app, deps, account, clock } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, PASSWORD)
    for (let i = 0; i < LOGIN_RATE_LIMITS.perEmail.limit; i++) {
      expect((await app.inject(login(account.agent.email, `guess-${i}`))).statusCode).toBe(401)
    }
    const limited = await app.inject(login(account.agent.email, PASSWORD))
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('request.rate_limited')
    expect(limited.headers['retry-after']).toBe('900')
    // Other agents are not locked out by someone guessing this one's password.
    await setPassword(deps, account.supervisor.id, PASSWORD)
    expect((await app.inject(login(account.supervisor.email, PASSWORD))).statusCode).toBe(200)
    clock.advance(LOGIN_RATE_LIMITS.perEmail.windowMs)
    expect((await app.inject(login(account.agent.email, PASSWORD))).statusCode).toBe(200)
  })

  it('limits attempts per IP across many emails', async () => {
    const { app } = await startAuthTestApp(dialect)
    for (let i = 0; i < LOGIN_RATE_LIMITS.perIp.limit; i++) {
      expect((await app.inject(login(`user${i}@example.com`, 'x'))).statusCode).toBe(401)
    }
    const limited = await app.inject(login('another@example.com', 'x'))
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
  })
})
