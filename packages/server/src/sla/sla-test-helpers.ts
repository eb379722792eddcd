import type { FastifyInstance } from 'fastify'
import { expect, onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import type { ManualClock } from '../auth/auth-test-helpers.ts'
import { manualClock } from '../auth/auth-test-helpers.ts'
import type { Dialect } from '../db/create-db.ts'
import type { TestAccount, TestAgent } from '../test/fixtures.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import type { TestDeps } from '../test/test-deps.ts'
import { createTestDeps } from '../test/test-deps.ts'

export interface ClockedTestContext {
  app: FastifyInstance
  deps: TestDeps
  account: TestAccount
  clock: ManualClock
}

/** A real app on a fresh database with a clock the test moves (default: Friday 2026-11-27 18:00 JST). */
export async function startClockedApp(dialect: Dialect, start = '2026-11-27T09:00:00.000Z'): Promise<ClockedTestContext> {
  const clock = manualClock(start)
  const deps = await createTestDeps(dialect, { clock })
  const app = await buildApp(deps)
  const account = await seedTestAccount(deps)
  onTestFinished(async () => {
    await app.close()
    await deps.cleanup()
  })

  return { app, deps, account, clock }
}

export async function createPolicy(app: FastifyInstance, who: TestAgent, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: who.headers, payload: body })
  expect(res.statusCode, res.body).toBe(201)

  return res.json() as { id: string }
}

export interface ClockJson {
  metric: string
  state: string
  paused: boolean
  dueAt: string | null
  dueInMinutes: number | null
  breachedAt: string | null
  achievedAt: string | null
  targetMinutes: number
  policyId: string
}

export async function ticketSla(app: FastifyInstance, who: TestAgent, ticketId: string) {
  const res = await app.inject({ url: `/api/v1/tickets/${ticketId}/sla`, headers: who.headers })
  expect(res.statusCode, res.body).toBe(200)
  const body = res.json() as { state: string | null; dueAt: string | null; paused: boolean; policyId: string | null; clocks: ClockJson[] }
  const clock = (metric: string) => body.clocks.find((c) => c.metric === metric)

  return { ...body, clock }
}
