import { describe, expect, it, onTestFinished } from 'vitest'
import { manualClock } from '../auth/auth-test-helpers.ts'
import { AppError } from '../lib/app-error.ts'
import { testDialects } from '../test/dialects.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { enforceRateLimit, hitRateLimit, pruneRateLimits } from './rate-limit.ts'

async function setup(dialect: 'sqlite' | 'postgres') {
  const clock = manualClock()
  const deps = await createTestDeps(dialect, { clock })
  onTestFinished(() => deps.cleanup())

  return { deps, clock }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)

  return error
}

describe.each(testDialects())('rate limit on %s', (dialect) => {
  it('allows `limit` hits per window, refuses the next with the seconds left, then opens again', async () => {
    const { deps, clock } = await setup(dialect)
    const rule = { limit: 3, windowMs: 60_000 }
    for (let i = 0; i < 3; i++) await enforceRateLimit(deps, 'form:a', rule)
    clock.advance(20_000)
    const error = await refusal(enforceRateLimit(deps, 'form:a', rule))
    expect(error.code).toBe('request.rate_limited')
    expect(error.details).toEqual({ retryAfterSeconds: 40 })
    // Another bucket is counted on its own.
    await enforceRateLimit(deps, 'form:b', rule)
    clock.advance(40_000)
    await enforceRateLimit(deps, 'form:a', rule)
    expect(await hitRateLimit(deps, 'form:a', rule.windowMs)).toMatchObject({ count: 2 })
  })

  it('counts concurrent hits exactly once each (several app nodes share the counter)', async () => {
    const { deps } = await setup(dialect)
    const states = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(deps, 'burst', 60_000)))
    expect(states.map((s) => s.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
  })

  it('counts the hits of one turn together, in the order they came, restarting a finished window', async () => {
    const { deps, clock } = await setup(dialect)
    await hitRateLimit(deps, 'mail:a', 60_000)
    await hitRateLimit(deps, 'mail:a', 60_000)
    const before = await Promise.all([hitRateLimit(deps, 'mail:a', 60_000), hitRateLimit(deps, 'mail:b', 60_000), hitRateLimit(deps, 'mail:a', 60_000)])
    expect(before.map((s) => s.count)).toEqual([3, 1, 4])
    clock.advance(60_000)
    const after = await Promise.all([hitRateLimit(deps, 'mail:a', 60_000), hitRateLimit(deps, 'mail:b', 60_000), hitRateLimit(deps, 'mail:a', 60_000), hitRateLimit(deps, 'mail:b', 60_000)])
    expect(after.map((s) => s.count)).toEqual([1, 1, 2, 2])
    expect(after[0]!.windowEndsAt).toBe(clock.now().getTime() + 60_000)
  })

  it('prunes only finished windows', async () => {
    const { deps, clock } = await setup(dialect)
    await hitRateLimit(deps, 'short', 1_000)
    await hitRateLimit(deps, 'long', 60_000)
    clock.advance(2_000)
    expect(await pruneRateLimits(deps, clock.now().getTime())).toBe(1)
    const left = await deps.db.selectFrom('rate_limits').select('bucket').execute()
    expect(left.map((r) => r.bucket)).toEqual(['long'])
  })
})
