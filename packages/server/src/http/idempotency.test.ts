import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { AppError } from '../lib/app-error.ts'
import { cleanupIdempotencyKeysJob } from './idempotency-cleanup.job.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'

interface TestBody { answer?: number; waitMs?: number; name?: string }

/** A POST route whose behaviour the body chooses, counting how often it really ran. */
async function withProbeRoute(app: FastifyInstance) {
  const calls = { count: 0 }
  await app.register(async (s) => {
    s.post<{ Body: TestBody }>('/idem-probe', { config: { access: 'agent' } }, async (request, reply) => {
      calls.count++
      const { answer = 201, waitMs = 0 } = request.body ?? {}
      if (waitMs) await new Promise((r) => setTimeout(r, waitMs))
      if (answer === 404) throw new AppError('ticket.not_found')
      if (answer >= 500) throw new Error('boom')

      return reply.status(answer).send({ run: calls.count })
    })
  }, { prefix: '/api/v1' })

  return calls
}

describe.each(testDialects())('Idempotency-Key on %s', (dialect) => {
  it('creates one ticket for two POSTs with the same key and body, and replays the first answer', async () => {
    const { app, account } = await startTestApp(dialect)
    const payload = { subject: '二重送信テスト', customer: { email: 'twice@example.jp', name: '二重 太郎' }, channel: 'phone', message: { body: 'こんにちは' } }
    const headers = { ...account.agent.headers, 'idempotency-key': 'create-ticket-1' }
    const first = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    const second = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload })
    expect(second.statusCode).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.json()).toEqual(first.json())
    const list = (await app.inject({ url: '/api/v1/tickets', headers: account.agent.headers })).json()
    expect(list.items.filter((t: { subject: string }) => t.subject === '二重送信テスト')).toHaveLength(1)
  })

  it('refuses the same key with another body (422) and scopes keys per caller', async () => {
    const { app, account } = await startTestApp(dialect)
    const calls = await withProbeRoute(app)
    const post = (headers: Record<string, string>, payload: TestBody) => app.inject({ method: 'POST', url: '/api/v1/idem-probe', headers, payload })
    const key = { 'idempotency-key': 'k-1' }
    expect((await post({ ...account.agent.headers, ...key }, { name: 'a' })).statusCode).toBe(201)
    const reused = await post({ ...account.agent.headers, ...key, 'accept-language': 'en' }, { name: 'b' })
    expect(reused.statusCode).toBe(422)
    expect(reused.json().error.code).toBe('request.idempotency_key_reused')
    // Another agent's identical key is theirs, not a replay of ours.
    const other = await post({ ...account.supervisor.headers, ...key }, { name: 'a' })
    expect(other.statusCode).toBe(201)
    expect(other.headers['idempotent-replayed']).toBeUndefined()
    expect(calls.count).toBe(2)
  })

  it('answers 409 while the first request is still running, then replays it', async () => {
    const { app, account } = await startTestApp(dialect)
    const calls = await withProbeRoute(app)
    const request = { method: 'POST' as const, url: '/api/v1/idem-probe', headers: { ...account.agent.headers, 'idempotency-key': 'slow' }, payload: { waitMs: 300 } }
    const first = app.inject(request)
    await new Promise((r) => setTimeout(r, 100))
    const during = await app.inject(request)
    expect(during.statusCode).toBe(409)
    expect(during.json().error.code).toBe('request.idempotency_in_progress')
    expect((await first).statusCode).toBe(201)
    const after = await app.inject(request)
    expect(after.statusCode).toBe(201)
    expect(after.headers['idempotent-replayed']).toBe('true')
    expect(calls.count).toBe(1)
  })

  it('stores final 4xx answers but releases the key after a 5xx so the retry runs', async () => {
    const { app, account } = await startTestApp(dialect)
    const calls = await withProbeRoute(app)
    const send = (key: string, answer: number) => app.inject({ method: 'POST', url: '/api/v1/idem-probe', headers: { ...account.agent.headers, 'idempotency-key': key }, payload: { answer } })
    expect((await send('four', 404)).statusCode).toBe(404)
    const replayed404 = await send('four', 404)
    expect([replayed404.statusCode, replayed404.headers['idempotent-replayed'], replayed404.json().error.code]).toEqual([404, 'true', 'ticket.not_found'])
    expect((await send('five', 500)).statusCode).toBe(500)
    const retried = await send('five', 500)
    expect(retried.headers['idempotent-replayed']).toBeUndefined()
    expect(calls.count).toBe(3)
  })

  it('rejects empty, overlong and non-ASCII keys with 422 and ignores requests without one', async () => {
    const { app, account } = await startTestApp(dialect)
    const calls = await withProbeRoute(app)
    for (const key of ['', 'x'.repeat(256), 'ключ', 'tab\there']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/idem-probe', headers: { ...account.agent.headers, 'idempotency-key': key }, payload: {} })
      expect(res.statusCode, JSON.stringify(key)).toBe(422)
      expect(res.json().error.code).toBe('request.idempotency_key_invalid')
    }
    expect((await app.inject({ method: 'POST', url: '/api/v1/idem-probe', headers: { ...account.agent.headers, 'idempotency-key': 'x'.repeat(255) }, payload: {} })).statusCode).toBe(201)
    await app.inject({ method: 'POST', url: '/api/v1/idem-probe', headers: account.agent.headers, payload: {} })
    await app.inject({ method: 'POST', url: '/api/v1/idem-probe', headers: account.agent.headers, payload: {} })
    expect(calls.count).toBe(3)
  })

  it('forgets keys after 24 hours (expired keys run again; the cleanup job deletes them)', async () => {
    const { app, account, deps } = await startTestApp(dialect)
    const calls = await withProbeRoute(app)
    const send = () => app.inject({ method: 'POST', url: '/api/v1/idem-probe', headers: { ...account.agent.headers, 'idempotency-key': 'old' }, payload: {} })
    await send()
    await deps.db.updateTable('idempotency_keys').set({ created_at: new Date(Date.now() - 25 * 3600_000).toISOString() }).execute()
    const again = await send()
    expect(again.headers['idempotent-replayed']).toBeUndefined()
    expect(calls.count).toBe(2)
    await deps.db.updateTable('idempotency_keys').set({ created_at: new Date(Date.now() - 25 * 3600_000).toISOString() }).execute()
    await cleanupIdempotencyKeysJob.run(deps, {}, { jobId: 'x', accountId: null, attempt: 1, maxAttempts: 1 })
    expect(await deps.db.selectFrom('idempotency_keys').select('key').execute()).toEqual([])
  })
})
