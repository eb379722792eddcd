import { describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createDb } from '../db/create-db.ts'
import { buildDeps } from '../deps.ts'
import { testDialects } from '../test/dialects.ts'
import { cliTestEnv, inTurn, recordingIo } from './cli-test-env.ts'
import { runCli } from './run-cli.ts'
import { startServer } from './start-server.ts'

describe.each(testDialects())('madoguchi CLI on %s', (dialect) => {
  it('migrates, creates an admin with a printed password, and mints a working API token', async () => {
    const env = await cliTestEnv(dialect)
    const first = recordingIo(env)
    expect(await inTurn(first, () => runCli(['migrate'], first))).toBe(0)
    expect(first.text()).toContain('Applied migrations: 2026_11_27_0001_core')
    const again = recordingIo(env)
    expect(await inTurn(again, () => runCli(['migrate'], again))).toBe(0)
    expect(again.text()).toBe('Database schema is up to date.')

    const admin = recordingIo(env)
    expect(await inTurn(admin, () => runCli(['create-admin', '--email', 'boss@example.jp', '--name', '所長'], admin))).toBe(0)
    expect(admin.text()).toMatch(/Admin boss@example\.jp created\.\npassword: \S{12,}/)

    const token = recordingIo(env)
    expect(await inTurn(token, () => runCli(['token', 'create', '--email', 'boss@example.jp', '--name', 'ci'], token))).toBe(0)
    const minted = token.stdout.at(-1)!
    expect(minted).toMatch(/^mdg_/)

    // The token really authenticates against an app on the same database.
    const config = loadConfig(env)
    const deps = buildDeps(config, { db: createDb(config.database) })
    const app = await buildApp(deps)
    try {
      const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${minted}` } })
      expect(me.statusCode).toBe(200)
      expect(me.json()).toMatchObject({ email: 'boss@example.jp', role: 'admin' })
    } finally {
      await app.close()
      await deps.db.destroy()
    }
  })

  it('refuses bad arguments with the usage and exit code 2, and unknown agents with exit code 1', async () => {
    const env = await cliTestEnv(dialect)
    const io = recordingIo(env)
    expect(await inTurn(io, () => runCli(['token', 'create', '--email', 'x@example.jp'], io))).toBe(2)
    expect(io.text()).toContain('Usage: madoguchi token create')
    const unknown = recordingIo(env)
    expect(await inTurn(unknown, () => runCli(['token', 'create', '--email', 'nobody@example.jp', '--name', 'x'], unknown))).toBe(1)
    expect(unknown.text()).toContain('No active agent with email nobody@example.jp')
  })

  it('start: serves HTTP on PORT, prints the URL and the generated admin password once, stops cleanly', async () => {
    const env = await cliTestEnv(dialect)
    const io = recordingIo(env)
    const server = await inTurn(io, () => startServer(io))
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+$/)
      const port = new URL(server.url).port
      const health = await fetch(`http://127.0.0.1:${port}/healthz`)
      expect(health.status).toBe(200)
      expect(io.text()).toContain(`Open: ${server.url}`)
      expect(io.text()).toMatch(/Admin login: admin@example\.com\n\s+password: \S{12,}/)
    } finally {
      await server.stop()
    }
    const second = recordingIo(env)
    const again = await inTurn(second, () => startServer(second))
    await again.stop()
    expect(second.text()).toContain('An admin already exists')
    expect(second.text()).not.toContain('password:')
  })

  it('start: takes the first admin from MADOGUCHI_ADMIN_EMAIL / _PASSWORD and never prints that password', async () => {
    const env = await cliTestEnv(dialect, { MADOGUCHI_ADMIN_EMAIL: 'owner@example.jp', MADOGUCHI_ADMIN_PASSWORD: 'correct horse battery' })
    const io = recordingIo(env, 'ja')
    const server = await inTurn(io, () => startServer(io))
    await server.stop()
    expect(io.text()).toContain('管理者ログイン: owner@example.jp')
    expect(io.text()).not.toContain('correct horse battery')
  })
})
