import { describe, expect, it, onTestFinished } from 'vitest'
import { z } from 'zod'
import { buildApp } from '../app.ts'
import type { Config } from '../config.ts'
import { enqueueJob } from '../jobs/enqueue.ts'
import { defineJob } from '../jobs/job-definition.ts'
import { buildJobRegistry } from '../jobs/registry.ts'
import { runDueJobs } from '../jobs/run-jobs.ts'
import { testDialects } from '../test/dialects.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { createMetrics } from './metrics.ts'

describe.each(testDialects())('GET /metrics on %s', (dialect) => {
  async function start(config: Partial<Config> = {}, processMetrics = false) {
    const deps = await createTestDeps(dialect, { config })
    const metrics = createMetrics({ processMetrics })
    const app = await buildApp(deps, { metrics })
    onTestFinished(async () => {
      await app.close()
      await deps.cleanup()
    })

    return { app, deps, metrics }
  }

  it('reports request latency by route pattern, job outcomes, queue depth and process metrics', async () => {
    const { app, deps, metrics } = await start({}, true)
    await app.inject('/healthz')
    await app.inject('/api/v1/tickets/0190f0f0-0000-7000-8000-000000000000')
    const registry = buildJobRegistry([
      defineJob({ type: 'test.ok', payload: z.object({}), run: async () => {} }),
      defineJob({ type: 'test.fail', payload: z.object({}), run: async () => { throw new Error('nope') } }),
    ])
    await enqueueJob(deps.db, 'test.ok', {})
    await enqueueJob(deps.db, 'test.fail', {}, { maxAttempts: 1 })
    await enqueueJob(deps.db, 'test.later', {}, { runAt: '2999-01-01T00:00:00.000Z' })
    await runDueJobs(deps, { registry, observer: metrics.jobObserver, recurring: [] })

    const res = await app.inject('/metrics')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain')
    const text = res.body
    expect(text).toMatch(/madoguchi_http_request_duration_seconds_count\{route="\/healthz",method="GET",status_code="200"\} 1/)
    // Raw ids never become labels: the route pattern does.
    expect(text).toContain('route="/api/v1/tickets/:id"')
    expect(text).not.toContain('0190f0f0-0000')
    expect(text).toContain('madoguchi_jobs_finished_total{type="test.ok",outcome="done"} 1')
    expect(text).toContain('madoguchi_jobs_finished_total{type="test.fail",outcome="dead"} 1')
    expect(text).toContain('madoguchi_jobs{status="pending"} 1')
    expect(text).toContain('madoguchi_jobs{status="dead"} 1')
    expect(text).toContain('madoguchi_process_resident_memory_bytes')
  })

  it('is readable from this host by default, but not through a proxy or from elsewhere', async () => {
    const { app } = await start()
    expect((await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode).toBe(404)
    expect((await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(404)
  })

  it('opens to everyone with MADOGUCHI_METRICS=public and closes with off', async () => {
    const open = await start({ metrics: 'public' })
    expect((await open.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode).toBe(200)
    const closed = await start({ metrics: 'off' })
    expect((await closed.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(404)
  })
})
