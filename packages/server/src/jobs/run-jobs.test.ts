import { describe, expect, it, onTestFinished } from 'vitest'
import { z } from 'zod'
import { createDb } from '../db/create-db.ts'
import type { Deps } from '../deps.ts'
import { testDialects } from '../test/dialects.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { enqueueJob } from './enqueue.ts'
import { defineJob } from './job-definition.ts'
import { buildJobRegistry } from './registry.ts'
import { runDueJobs, scheduleRecurringJobs, startJobRunner } from './run-jobs.ts'

/** A clock the test moves by hand, so retries become due without waiting. */
function manualClock(start = Date.parse('2026-11-27T10:00:00.000Z')) {
  let t = start

  return { now: () => new Date(t), advance: (ms: number) => { t += ms } }
}

describe.each(testDialects())('job runner on %s', (dialect) => {
  async function setup() {
    const clock = manualClock()
    const deps = await createTestDeps(dialect, { clock })
    onTestFinished(() => deps.cleanup())

    return { deps, clock }
  }
  const jobRow = (deps: Deps, id: string) => deps.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it('runs a due job with its parsed payload and marks it done; future jobs wait', async () => {
    const { deps, clock } = await setup()
    const seen: string[] = []
    const registry = buildJobRegistry([defineJob({ type: 'test.greet', payload: z.object({ name: z.string() }), run: async (_d, p) => { seen.push(p.name) } })])
    const now = await enqueueJob(deps.db, 'test.greet', { name: '山田' }, { now: clock.now() })
    const later = await enqueueJob(deps.db, 'test.greet', { name: 'later' }, { now: clock.now(), runAt: '2026-11-27T11:00:00.000Z' })
    expect(await runDueJobs(deps, { registry })).toBe(1)
    expect(seen).toEqual(['山田'])
    expect(await jobRow(deps, now!)).toMatchObject({ status: 'done', attempts: 1, locked_by: null, last_error: null })
    expect((await jobRow(deps, later!)).status).toBe('pending')
    clock.advance(60 * 60_000)
    expect(await runDueJobs(deps, { registry })).toBe(1)
    expect(seen).toEqual(['山田', 'later'])
  })

  it('retries a failing job with growing delays, then marks it dead with the last error', async () => {
    const { deps, clock } = await setup()
    let calls = 0
    const registry = buildJobRegistry([defineJob({ type: 'test.flaky', payload: z.object({}), run: async () => { calls++; throw new Error(`smtp down #${calls}`) } })])
    const id = (await enqueueJob(deps.db, 'test.flaky', {}, { now: clock.now(), maxAttempts: 3 }))!
    const delays: number[] = []
    for (let attempt = 1; attempt <= 2; attempt++) {
      await runDueJobs(deps, { registry, random: () => 1 })
      const row = await jobRow(deps, id)
      expect(row).toMatchObject({ status: 'failed', attempts: attempt, last_error: `Error: smtp down #${attempt}` })
      delays.push(Date.parse(row.run_at) - clock.now().getTime())
      expect(await runDueJobs(deps, { registry })).toBe(0) // not due yet
      clock.advance(delays.at(-1)!)
    }
    expect(delays[1]).toBe(delays[0]! * 2)
    await runDueJobs(deps, { registry })
    expect(await jobRow(deps, id)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'Error: smtp down #3' })
    clock.advance(24 * 60 * 60_000)
    expect(await runDueJobs(deps, { registry })).toBe(0)
    expect(calls).toBe(3)
  })

  it('sends unknown types and payloads that fail the schema straight to dead, with a clear error', async () => {
    const { deps, clock } = await setup()
    const registry = buildJobRegistry([defineJob({ type: 'test.typed', payload: z.object({ n: z.number() }), run: async () => {} })])
    const unknown = (await enqueueJob(deps.db, 'test.nobody_knows', {}, { now: clock.now() }))!
    const invalid = (await enqueueJob(deps.db, 'test.typed', { n: 'one' }, { now: clock.now() }))!
    await runDueJobs(deps, { registry })
    expect(await jobRow(deps, unknown)).toMatchObject({ status: 'dead', attempts: 1 })
    expect((await jobRow(deps, unknown)).last_error).toContain('Unknown job type "test.nobody_knows"')
    expect(await jobRow(deps, invalid)).toMatchObject({ status: 'dead' })
    expect((await jobRow(deps, invalid)).last_error).toContain('Invalid payload for test.typed: n:')
  })

  it("picks up a crashed worker's job once its lease has run out", async () => {
    const { deps, clock } = await setup()
    let runs = 0
    const registry = buildJobRegistry([defineJob({ type: 'test.once', payload: z.object({}), run: async () => { runs++ } })])
    const id = (await enqueueJob(deps.db, 'test.once', {}, { now: clock.now() }))!
    // A worker claimed it and died: running, lease until 10:05.
    await deps.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_by: 'dead-worker', locked_until: '2026-11-27T10:05:00.000Z' }).where('id', '=', id).execute()
    expect(await runDueJobs(deps, { registry })).toBe(0)
    clock.advance(5 * 60_000 + 1)
    expect(await runDueJobs(deps, { registry, workerId: 'rescuer' })).toBe(1)
    expect(runs).toBe(1)
    expect(await jobRow(deps, id)).toMatchObject({ status: 'done', attempts: 2 })
  })

  it('enqueues each recurring job once per period, however many runners try', async () => {
    const { deps, clock } = await setup()
    const recurring = [{ type: 'test.tick', everyMs: 60 * 60_000 }]
    await scheduleRecurringJobs(deps, recurring)
    await scheduleRecurringJobs(deps, recurring)
    clock.advance(30 * 60_000)
    await scheduleRecurringJobs(deps, recurring)
    expect(await deps.db.selectFrom('jobs').select('id').execute()).toHaveLength(1)
    clock.advance(30 * 60_000)
    await scheduleRecurringJobs(deps, recurring)
    expect(await deps.db.selectFrom('jobs').select('id').execute()).toHaveLength(2)
  })
})

describe.each(testDialects())('two concurrent job runners on %s', (dialect) => {
  it('never run one job twice', async () => {
    const deps = await createTestDeps(dialect)
    // The second runner has its own connection, as `madoguchi worker` in another process would.
    const otherDb = createDb(deps.config.database)
    onTestFinished(async () => {
      await otherDb.destroy()
      await deps.cleanup()
    })
    const runsById = new Map<number, string[]>()
    const runsByRunner = { a: 0, b: 0 }
    const registry = buildJobRegistry([defineJob({
      type: 'test.count',
      payload: z.object({ n: z.number() }),
      run: async (d, p, ctx) => {
        runsById.set(p.n, [...(runsById.get(p.n) ?? []), ctx.jobId])
        runsByRunner[d.db === otherDb ? 'b' : 'a']++
        await new Promise((r) => setTimeout(r, 1))
      },
    })])
    const total = 150
    for (let n = 0; n < total; n++) await enqueueJob(deps.db, 'test.count', { n })
    const options = { registry, concurrency: 4, pollIntervalMs: 5, recurring: [] }
    const a = startJobRunner(deps, { ...options, workerId: 'a' })
    const b = startJobRunner({ ...deps, db: otherDb }, { ...options, workerId: 'b' })
    const deadline = Date.now() + 20_000
    while (runsById.size < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    await Promise.all([a.stop(), b.stop()])
    expect(runsById.size).toBe(total)
    // Both really competed for the same rows.
    expect(runsByRunner.a).toBeGreaterThan(10)
    expect(runsByRunner.b).toBeGreaterThan(10)
    expect([...runsById.values()].filter((ids) => ids.length !== 1)).toEqual([])
    const workers = await deps.db.selectFrom('jobs').select(['status']).where('status', '!=', 'done').execute()
    expect(workers).toEqual([])
  })
})
