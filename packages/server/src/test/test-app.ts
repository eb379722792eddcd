import type { FastifyInstance } from 'fastify'
import { onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import type { Dialect } from '../db/create-db.ts'
import type { TestAccount } from './fixtures.ts'
import { seedTestAccount } from './fixtures.ts'
import type { TestDeps } from './test-deps.ts'
import { createTestDeps } from './test-deps.ts'

export interface TestContext {
  app: FastifyInstance
  deps: TestDeps
  account: TestAccount
}

/**
 * A real app on a fresh database with a seeded account, closed when the test ends.
 * Use inside `describe.each(testDialects())`.
 */
export async function startTestApp(dialect: Dialect): Promise<TestContext> {
  const deps = await createTestDeps(dialect)
  const app = await buildApp(deps)
  const account = await seedTestAccount(deps)
  onTestFinished(async () => {
    await app.close()
    await deps.cleanup()
  })

  return { app, deps, account }
}
