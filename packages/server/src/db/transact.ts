import { sql } from 'kysely'
import type { Dialect } from './create-db.ts'
import type { Db, Trx } from './database.ts'
import { BatchDeferrals } from './deferred-writes.ts'

/**
 * Runs `work` in a database transaction and resolves once it has committed, so a
 * caller may acknowledge (answer 201, SMTP 250, publish realtime events) after it.
 */
export type Transact = <T>(work: (trx: Trx) => Promise<T>) => Promise<T>

/** Most units of work a SQLite batch commits together. */
const MAX_BATCH = 64

export function createTransact(db: Db, dialect: Dialect): Transact {
  if (dialect === 'postgres') return (work) => db.transaction().execute(work)

  return createGroupCommit(db)
}

interface Pending {
  work: (trx: Trx) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * Group commit for SQLite. SQLite has one writer, so concurrent transactions run one
 * after another anyway; what each costs is its COMMIT: every page it touched is
 * appended to the WAL again (a ticket touches ~60 pages: the row, a dozen index
 * leaves, the search index). Units of work that arrive while a batch runs are
 * committed together by the next one, which writes each shared page once.
 *
 * Each unit runs inside its own SAVEPOINT: one that throws is rolled back alone and
 * rejects alone; the others still commit. A unit is never acknowledged before the
 * COMMIT that contains it, and if that COMMIT fails every unit in it rejects.
 * What units hand to deferToCommit (deferred-writes.ts) is written just before it.
 * When idle, a unit starts on the next turn of the event loop: a batch of one.
 */
export function createGroupCommit(db: Db): Transact {
  let queue: Pending[] = []
  let running = false

  async function runBatch(batch: Pending[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
    try {
      await db.transaction().execute(async (trx) => {
        const deferrals = new BatchDeferrals(trx)
        for (const unit of batch) {
          await sql`savepoint unit`.execute(trx)
          try {
            const value = await deferrals.runUnit(async () => {
              const value = await unit.work(trx)
              await sql`release savepoint unit`.execute(trx)

              return value
            })
            outcomes.push({ ok: true, value })
          } catch (error) {
            await sql`rollback to savepoint unit`.execute(trx)
            await sql`release savepoint unit`.execute(trx)
            outcomes.push({ ok: false, error })
          }
        }
        await deferrals.apply()
      })
    } catch (error) {
      for (const unit of batch) unit.reject(error)

      return
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) unit.resolve(outcome.value)
      else unit.reject(outcome.error)
    })
  }

  async function drain(): Promise<void> {
    running = true
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, MAX_BATCH)
        queue = queue.slice(batch.length)
        await runBatch(batch)
      }
    } finally {
      running = false
    }
  }

  return <T>(work: (trx: Trx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      // setImmediate (after this turn's I/O callbacks) gathers the requests that
      // arrived together; a running drain picks new units up by itself.
      if (!running && queue.length === 1) setImmediate(() => void drain())
    })
}
