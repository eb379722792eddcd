import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { enqueueJob } from './enqueue.ts'
import { runDueJobs } from './run-jobs.ts'

describe.each(testDialects())('jobs admin API on %s', (dialect) => {
  it('lists the account jobs by status and lets an admin retry a dead one', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const deadId = (await enqueueJob(deps.db, 'test.unknown_type', { to: 'a@example.jp' }, { accountId: account.accountId }))!
    const pendingId = (await enqueueJob(deps.db, 'test.later', {}, { accountId: account.accountId, runAt: '2999-01-01T00:00:00.000Z' }))!
    await enqueueJob(deps.db, 'test.other_account', {}, { accountId: 'someone-else' })
    await runDueJobs(deps, { recurring: [] })

    const dead = await app.inject({ url: '/api/v1/jobs?status=dead', headers: account.admin.headers })
    expect(dead.statusCode).toBe(200)
    expect(dead.json().items).toHaveLength(1)
    expect(dead.json().items[0]).toMatchObject({ id: deadId, status: 'dead', attempts: 1, payload: { to: 'a@example.jp' } })
    expect(dead.json().items[0].lastError).toContain('Unknown job type')
    const all = (await app.inject({ url: '/api/v1/jobs', headers: account.admin.headers })).json()
    expect(all.items.map((j: { id: string }) => j.id).sort()).toEqual([deadId, pendingId].sort())

    const retried = await app.inject({ method: 'POST', url: `/api/v1/jobs/${deadId}/retry`, headers: account.admin.headers })
    expect(retried.statusCode).toBe(200)
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 })
    const again = await app.inject({ method: 'POST', url: `/api/v1/jobs/${pendingId}/retry`, headers: account.admin.headers })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'job.not_retryable', details: { status: 'pending' } })
    const audit = await deps.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'job.retried').execute()
    expect(audit).toEqual([{ action: 'job.retried', target_id: deadId }])
  })

  it('pages with a cursor, validates the query and is admin-only', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    for (let i = 0; i < 5; i++) await enqueueJob(deps.db, 'test.x', { i }, { accountId: account.accountId })
    const first = (await app.inject({ url: '/api/v1/jobs?limit=3', headers: account.admin.headers })).json()
    const second = (await app.inject({ url: `/api/v1/jobs?limit=3&cursor=${first.nextCursor}`, headers: account.admin.headers })).json()
    expect([...first.items, ...second.items].map((j: { payload: { i: number } }) => j.payload.i)).toEqual([4, 3, 2, 1, 0])
    expect(second.nextCursor).toBeNull()
    expect((await app.inject({ url: '/api/v1/jobs?status=exploded', headers: account.admin.headers })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/jobs?cursor=bm90LWFuLWlk', headers: account.admin.headers })).statusCode).toBe(422)
    expect((await app.inject({ method: 'POST', url: '/api/v1/jobs/not-an-id/retry', headers: account.admin.headers })).statusCode).toBe(404)
    for (const who of [account.supervisor, account.agent, account.partner]) {
      expect((await app.inject({ url: '/api/v1/jobs', headers: who.headers })).statusCode).toBe(403)
    }
  })
})
