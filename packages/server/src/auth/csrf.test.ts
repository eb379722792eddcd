import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { setPassword, signIn, startAuthTestApp } from './auth-test-helpers.ts'

describe.each(testDialects())('CSRF protection on %s', (dialect) => {
  it('refuses unsafe cookie-session requests without the X-CSRF-Token header, accepts them with it', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, 'a good password')
    const session = await signIn(app, account.agent.email, 'a good password')
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'laptop' } })

    const missing = await post({ cookie: session.cookie })
    expect(missing.statusCode).toBe(403)
    expect(missing.json().error.code).toBe('auth.csrf_failed')
    const forged = await post({ cookie: session.cookie, 'x-csrf-token': `${session.csrfToken.slice(0, -2)}xx` })
    expect(forged.json().error.code).toBe('auth.csrf_failed')
    // Another session's token does not fit this session.
    const other = await signIn(app, account.agent.email, 'a good password')
    expect((await post({ cookie: session.cookie, 'x-csrf-token': other.csrfToken })).statusCode).toBe(403)
    const patch = await app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: session.cookie }, payload: { name: 'x' } })
    expect(patch.statusCode).toBe(403)

    expect((await post(session.headers)).statusCode).toBe(201)
    // Safe methods need no token.
    expect((await app.inject({ url: '/api/v1/tokens', headers: { cookie: session.cookie } })).statusCode).toBe(200)
    // Bearer tokens are never sent by a browser on its own: no CSRF token needed.
    expect((await post(account.agent.headers)).statusCode).toBe(201)
    // Nothing was created by the refused requests.
    expect(await deps.db.selectFrom('api_tokens').select('name').where('name', '=', 'laptop').execute()).toHaveLength(2)
  })
})
