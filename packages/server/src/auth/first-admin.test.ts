import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import { testDialects } from '../test/dialects.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { signIn } from './auth-test-helpers.ts'
import { createAdmin } from './create-admin.ts'
import { createApiTokenForEmail } from './create-api-token-for-email.ts'
import { ensureFirstAdmin } from './ensure-first-admin.ts'

async function emptyApp(dialect: 'sqlite' | 'postgres') {
  const deps = await createTestDeps(dialect)
  const app = await buildApp(deps)
  onTestFinished(async () => {
    await app.close()
    await deps.cleanup()
  })

  return { deps, app }
}

describe.each(testDialects())('first admin, create-admin and CLI tokens on %s', (dialect) => {
  it('creates the account and an admin with a generated password once, then does nothing', async () => {
    const { deps, app } = await emptyApp(dialect)
    const first = await ensureFirstAdmin(deps)
    if (!first.created) throw new Error('expected creation')
    expect(first).toMatchObject({ accountCreated: true, email: 'admin@example.com' })
    expect(first.generatedPassword).toMatch(/^[A-Za-z2-9]{16}$/)
    const session = await signIn(app, 'admin@example.com', first.generatedPassword!)
    const me = (await app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).json()
    expect(me).toMatchObject({ role: 'admin', accountName: 'Demo 株式会社' })

    expect(await ensureFirstAdmin(deps, { email: 'other@example.com', password: 'another password' })).toEqual({ created: false, accountId: first.accountId })
    expect(await deps.db.selectFrom('accounts').selectAll().execute()).toHaveLength(1)
    expect(await deps.db.selectFrom('agents').selectAll().execute()).toHaveLength(1)
    const audit = await deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('action', '=', 'agent.created').execute()
    expect(audit).toMatchObject([{ actor_id: null }])
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ via: 'first-start' })
  })

  it('uses the given email and password and an existing account without an admin; two at once make one admin', async () => {
    const { deps, app } = await emptyApp(dialect)
    await deps.db.insertInto('accounts').values({ id: '0190a000-0000-7000-8000-000000000001', name: 'Seeded', created_at: deps.clock.now().toISOString() }).execute()
    const results = await Promise.all([
      ensureFirstAdmin(deps, { email: ' Boss@Example.com ', password: 'boss password 1' }),
      ensureFirstAdmin(deps, { email: 'boss@example.com', password: 'boss password 1' }),
    ])
    expect(results.filter((r) => r.created)).toHaveLength(1)
    const created = results.find((r) => r.created)!
    expect(created).toMatchObject({ accountId: '0190a000-0000-7000-8000-000000000001', accountCreated: false, email: 'boss@example.com' })
    expect(created).not.toHaveProperty('generatedPassword')
    await signIn(app, 'boss@example.com', 'boss password 1')
    await expect(ensureFirstAdmin(deps, { email: 'bad', password: 'x' })).resolves.toMatchObject({ created: false })
  })

  it('refuses bad credentials plainly on an empty database', async () => {
    const { deps } = await emptyApp(dialect)
    await expect(ensureFirstAdmin(deps, { email: 'not an email' })).rejects.toThrow(/valid email/)
    await expect(ensureFirstAdmin(deps, { password: 'short' })).rejects.toThrow(/8 to 256/)
  })

  it('create-admin adds an admin, or promotes and re-enables an existing agent with a new password', async () => {
    const { deps, app } = await emptyApp(dialect)
    const account = await seedTestAccount(deps)
    const fresh = await createAdmin(deps, { email: 'New.Admin@example.com' })
    expect(fresh).toMatchObject({ accountId: account.accountId, email: 'new.admin@example.com', existed: false })
    await signIn(app, 'new.admin@example.com', fresh.generatedPassword!)

    await deps.db.updateTable('agents').set({ active: 0 }).where('id', '=', account.agent.id).execute()
    const promoted = await createAdmin(deps, { email: account.agent.email, password: 'back in again' })
    expect(promoted).toEqual({ accountId: account.accountId, agentId: account.agent.id, email: account.agent.email, existed: true })
    const session = await signIn(app, account.agent.email, 'back in again')
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).json().role).toBe('admin')
    const actions = (await deps.db.selectFrom('audit_log').select('action').where('target_id', '=', account.agent.id).where('action', 'like', 'agent.%').orderBy('id').execute()).map((r) => r.action)
    expect(actions).toEqual(['agent.role_changed', 'agent.reactivated', 'agent.password_reset'])

    await seedTestAccount(deps, 'Second Co')
    await expect(createAdmin(deps, { email: 'x@example.com' })).rejects.toThrow(/Several accounts/)
    await expect(createAdmin(deps, { email: 'x@example.com', accountId: 'nope' })).rejects.toThrow(/No account/)
  })

  it('token create for an email mints a working token, refusing unknown or inactive agents', async () => {
    const { deps, app } = await emptyApp(dialect)
    const account = await seedTestAccount(deps)
    const created = await createApiTokenForEmail(deps, { email: account.supervisor.email.toUpperCase(), name: 'nightly export' })
    const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${created.token}` } })
    expect(me.json()).toMatchObject({ id: account.supervisor.id })
    await expect(createApiTokenForEmail(deps, { email: 'ghost@example.com', name: 'x' })).rejects.toThrow(/No active agent/)
    await deps.db.updateTable('agents').set({ active: 0 }).where('id', '=', account.agent.id).execute()
    await expect(createApiTokenForEmail(deps, { email: account.agent.email, name: 'x' })).rejects.toThrow(/No active agent/)
    await expect(createApiTokenForEmail(deps, { email: account.admin.email, name: 'x', expiresAt: '2001-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'request.validation_failed' })
  })
})
