import { describe, expect, it, onTestFinished } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { enqueueJob } from './enqueue.ts'

describe.each(testDialects())('enqueueJob on %s', (dialect) => {
  async function deps() {
    const d = await createTestDeps(dialect)
    onTestFinished(() => d.cleanup())

    return d
  }

  it('writes a pending job row with the payload as JSON', async () => {
    const d = await deps()
    const id = await enqueueJob(d.db, 'test.echo', { hello: 'こんにちは' }, { runAt: '2026-11-27T12:00:00.000Z', maxAttempts: 3 })
    const row = await d.db.selectFrom('jobs').selectAll().where('id', '=', id!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ type: 'test.echo', status: 'pending', run_at: '2026-11-27T12:00:00.000Z', max_attempts: 3, attempts: 0 })
    expect(JSON.parse(row.payload)).toEqual({ hello: 'こんにちは' })
  })

  it('is a no-op the second time for the same (type, dedupeKey), also inside a transaction', async () => {
    const d = await deps()
    const first = await enqueueJob(d.db, 'test.echo', { n: 1 }, { dedupeKey: 'k1' })
    const second = await d.db.transaction().execute((trx) => enqueueJob(trx, 'test.echo', { n: 2 }, { dedupeKey: 'k1' }))
    const otherType = await enqueueJob(d.db, 'test.other', { n: 3 }, { dedupeKey: 'k1' })
    const noKey1 = await enqueueJob(d.db, 'test.echo', { n: 4 })
    const noKey2 = await enqueueJob(d.db, 'test.echo', { n: 5 })
    expect(first).toBeTypeOf('string')
    expect(second).toBeNull()
    expect(otherType).toBeTypeOf('string')
    expect(noKey1).not.toBe(noKey2)
    const rows = await d.db.selectFrom('jobs').select(['type', 'payload']).orderBy('id').execute()
    expect(rows.map((r) => JSON.parse(r.payload).n)).toEqual([1, 3, 4, 5])
  })

  it('writes nothing when the caller rolls its transaction back', async () => {
    const d = await deps()
    await expect(d.db.transaction().execute(async (trx) => {
      await enqueueJob(trx, 'test.echo', {})
      throw new Error('change failed')
    })).rejects.toThrow('change failed')
    expect(await d.db.selectFrom('jobs').select('id').execute()).toEqual([])
  })
})
