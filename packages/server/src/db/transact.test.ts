import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { testDialects } from '../test/dialects.ts'
import type { TestDeps } from '../test/test-deps.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { newId } from '../lib/ids.ts'
import type { Trx } from './database.ts'
import type { DeferredWrite } from './deferred-writes.ts'
import { deferToCommit, deferWithin } from './deferred-writes.ts'

describe.each(testDialects())('transact (%s)', (dialect) => {
  let deps: TestDeps
  afterEach(async () => deps?.cleanup())

  const addTag = (trx: Trx, accountId: string, ticketId: string, tag: string) =>
    trx.insertInto('ticket_tags').values({ account_id: accountId, ticket_id: ticketId, tag, updated_at: new Date().toISOString() }).execute()

  async function ticketFixture() {
    deps = await createTestDeps(dialect)
    const account = await seedTestAccount(deps)
    const ticketId = newId()
    const at = new Date().toISOString()
    const customerId = newId()
    await deps.db.insertInto('customers').values({ id: customerId, account_id: account.accountId, crn: 'C-TEST-0001', display_name: 'Probe', created_at: at, updated_at: at }).execute()
    await deps.db.insertInto('tickets').values({
      id: ticketId, account_id: account.accountId, number: 1, subject: 'Probe', status: 'new', priority: 'normal', channel: 'api', customer_id: customerId, created_at: at, updated_at: at,
    }).execute()

    return { accountId: account.accountId, ticketId }
  }

  const tagsOf = async (ticketId: string) =>
    (await deps.db.selectFrom('ticket_tags').select('tag').where('ticket_id', '=', ticketId).orderBy('tag').execute()).map((row) => row.tag)

  it('commits many concurrent units, each resolving with its own result', async () => {
    const { accountId, ticketId } = await ticketFixture()
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => deps.transact(async (trx) => {
      await addTag(trx, accountId, ticketId, `t${String(i).padStart(3, '0')}`)

      return i
    })))
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(await tagsOf(ticketId)).toHaveLength(100)
  })

  it('rolls back only the unit that fails; the others in the same batch commit', async () => {
    const { accountId, ticketId } = await ticketFixture()
    const outcomes = await Promise.allSettled([
      deps.transact((trx) => addTag(trx, accountId, ticketId, 'kept-1')),
      deps.transact(async (trx) => {
        await addTag(trx, accountId, ticketId, 'half-done')
        throw new Error('refused after a write')
      }),
      // A unique violation (same tag twice) fails inside the database.
      deps.transact(async (trx) => {
        await addTag(trx, accountId, ticketId, 'dup')
        await addTag(trx, accountId, ticketId, 'dup')
      }),
      deps.transact((trx) => addTag(trx, accountId, ticketId, 'kept-2')),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error)
    expect(await tagsOf(ticketId)).toEqual(['kept-1', 'kept-2'])
  })

  it('resolves only after the commit: the write is visible to a new read when the promise settles', async () => {
    const { accountId, ticketId } = await ticketFixture()
    await deps.transact((trx) => addTag(trx, accountId, ticketId, 'visible'))
    const seen = await sql<{ n: number }>`select count(*) as n from ticket_tags where ticket_id = ${ticketId}`.execute(deps.db)
    expect(Number(seen.rows[0]!.n)).toBe(1)
  })
})

describe.each(testDialects())('deferToCommit inside transact (%s)', (dialect) => {
  let deps: TestDeps
  afterEach(async () => deps?.cleanup())

  it('writes what succeeding units deferred, in their order, in the same transaction; a failed unit takes its items with it', async () => {
    deps = await createTestDeps(dialect)
    const applied: Array<{ items: string[]; inTransaction: boolean }> = []
    const log: DeferredWrite<string> = {
      async apply(db, items) {
        applied.push({ items, inTransaction: db.isTransaction })
      },
    }
    const outcomes = await Promise.allSettled([
      deps.transact((trx) => deferToCommit(trx, log, ['a1', 'a2'])),
      deps.transact(async (trx) => {
        await deferToCommit(trx, log, ['b1'])
        throw new Error('rolled back')
      }),
      deps.transact((trx) => deferToCommit(trx, log, ['c1'])),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    // SQLite batches the three units: one write at the end. PostgreSQL has no batch: each
    // at once, in its own transaction (running side by side, so in any order).
    if (dialect === 'sqlite') expect(applied).toEqual([{ items: ['a1', 'a2', 'c1'], inTransaction: true }])
    else expect(applied.sort((a, b) => a.items[0]!.localeCompare(b.items[0]!))).toEqual([
      { items: ['a1', 'a2'], inTransaction: true },
      { items: ['b1'], inTransaction: true },
      { items: ['c1'], inTransaction: true },
    ])
  })

  it('rejects every unit of the batch when the deferred write fails, and commits none of their writes', async () => {
    deps = await createTestDeps(dialect)
    const account = await seedTestAccount(deps)
    const failing: DeferredWrite<string> = {
      async apply() {
        throw new Error('deferred write failed')
      },
    }
    const rename = (name: string) => deps.transact(async (trx) => {
      await trx.updateTable('accounts').set({ name }).where('id', '=', account.accountId).execute()
      await deferToCommit(trx, failing, [name])
    })
    const outcomes = await Promise.allSettled([rename('first'), rename('second')])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected'])
    const row = await deps.db.selectFrom('accounts').select('name').where('id', '=', account.accountId).executeTakeFirstOrThrow()
    expect(row.name).not.toMatch(/^(first|second)$/)
  })

  it("deferWithin writes a scope's items once at its end; inside a SQLite batch they join it, after the unit's earlier items", async () => {
    deps = await createTestDeps(dialect)
    const applied: string[][] = []
    const log: DeferredWrite<string> = {
      async apply(_db, items) {
        applied.push(items)
      },
    }
    const unit = (name: string) => deps.transact(async (trx) => {
      await deferToCommit(trx, log, [`${name}-before`])
      const inScope = await deferWithin(trx, async () => {
        await deferToCommit(trx, log, [`${name}-1`])
        await deferToCommit(trx, log, [`${name}-2`])

        // Nothing of the scope is written before it ends.
        return applied.flat().filter((item) => item.startsWith(`${name}-`) && item !== `${name}-before`).length
      })
      await deferToCommit(trx, log, [`${name}-after`])

      return inScope
    })
    expect(await Promise.all([unit('a'), unit('b')])).toEqual([0, 0])
    if (dialect === 'sqlite') expect(applied).toEqual([['a-before', 'a-1', 'a-2', 'a-after', 'b-before', 'b-1', 'b-2', 'b-after']])
    else {
      // No batch to join: the scope's items in one write, the others each at once.
      const ofA = applied.filter((items) => items[0]!.startsWith('a-'))
      expect(ofA).toEqual([['a-before'], ['a-1', 'a-2'], ['a-after']])
    }
  })
})
