import { describe, expect, it } from 'vitest'
import { hitRateLimit } from '../http/rate-limit.ts'
import { testDialects } from '../test/dialects.ts'
import { setPassword, signIn, startAuthTestApp } from './auth-test-helpers.ts'
import { authCleanupJob } from './auth-cleanup.job.ts'

describe.each(testDialects())('auth.cleanup job on %s', (dialect) => {
  it('deletes expired sessions and finished rate-limit windows, keeping live ones', async () => {
    const { app, deps, account, clock } = await startAuthTestApp(dialect)
    await setPassword(deps, account.agent.id, 'cleanup password')
    await signIn(app, account.agent.email, 'cleanup password') // also fills two login buckets (15 min)
    clock.advance(15 * 24 * 3600 * 1000)
    const live = await signIn(app, account.agent.email, 'cleanup password')
    await hitRateLimit(deps, 'recent', 60_000)
    await authCleanupJob.run(deps, {}, { jobId: 'j', accountId: null, attempt: 1, maxAttempts: 1 })

    expect(await deps.db.selectFrom('sessions').select('csrf_token').execute()).toEqual([{ csrf_token: live.csrfToken }])
    const buckets = (await deps.db.selectFrom('rate_limits').select('bucket').execute()).map((r) => r.bucket)
    expect(buckets).toContain('recent')
    expect(buckets).toHaveLength(3) // 'recent' + the second login's IP and email buckets
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: live.cookie } })).statusCode).toBe(200)
  })
})
