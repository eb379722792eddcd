import type { FastifyInstance } from 'fastify'
import { onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import type { Config } from '../config.ts'
import type { Dialect } from '../db/create-db.ts'
import type { Clock } from '../lib/clock.ts'
import type { TestAccount } from '../test/fixtures.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import type { TestDeps } from '../test/test-deps.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { hashPassword } from './password.ts'
import { SESSION_COOKIE } from './resolve-principal.ts'

/** A clock the test moves by hand (sessions, token expiry, rate-limit windows). */
export interface ManualClock extends Clock {
  advance(ms: number): void
}

export function manualClock(start = '2026-11-27T09:00:00.000Z'): ManualClock {
  let now = Date.parse(start)

  return { now: () => new Date(now), advance: (ms) => { now += ms } }
}

export interface AuthTestContext {
  app: FastifyInstance
  deps: TestDeps
  account: TestAccount
  clock: ManualClock
}

/** Like startTestApp, with a manual clock and optional config (e.g. secure cookies). */
export async function startAuthTestApp(dialect: Dialect, config: Partial<Config> = {}): Promise<AuthTestContext> {
  const clock = manualClock()
  const deps = await createTestDeps(dialect, { clock, config })
  const app = await buildApp(deps)
  const account = await seedTestAccount(deps)
  onTestFinished(async () => {
    await app.close()
    await deps.cleanup()
  })

  return { app, deps, account, clock }
}

export async function setPassword(deps: TestDeps, agentId: string, password: string): Promise<void> {
  await deps.db.updateTable('agents').set({ password_hash: await hashPassword(password) }).where('id', '=', agentId).execute()
}

export interface CookieSession {
  cookie: string
  csrfToken: string
  /** Headers for an unsafe request from this browser session. */
  headers: { cookie: string; 'x-csrf-token': string }
}

/** Signs in over HTTP and returns what a browser would hold afterwards. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<CookieSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  const value = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value
  if (!value) throw new Error('no session cookie')
  const cookie = `${SESSION_COOKIE}=${value}`
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken

  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } }
}
