import type { Executor } from './database.ts'

/**
 * A kind of write that costs less done once per commit than once per unit of work.
 * The case it was made for: SQLite's FTS5 table writes its pending entries to disk
 * as a new index segment at every SAVEPOINT, and each unit of a group commit runs
 * in one (transact.ts). A ticket creation paid that flush, ~40 µs, and the segment
 * merges that follow; deferred, one batch of 64 creations pays it once
 * (docs/benchmarks.md).
 */
export interface DeferredWrite<T> {
  /** Writes `items`: those of every unit of the batch that succeeded, in the order they were deferred. */
  apply(db: Executor, items: T[]): Promise<void>
}

type Pending = Map<DeferredWrite<unknown>, unknown[]>

/** What the unit running now in each open SQLite batch (keyed by its transaction) has deferred. */
const runningUnits = new WeakMap<object, Pending>()

/**
 * Hands `items` to the end of the current group-commit batch: they are written in
 * the same transaction, just before its COMMIT, and only if the unit that deferred
 * them succeeds (a unit rolled back to its savepoint takes its items with it).
 * Anywhere else (PostgreSQL, a write outside a batch) they are written at once.
 *
 * All changes to one store must go through the same DeferredWrite: they are then
 * applied in the order they happened. Writes of different kinds are applied kind
 * after kind, so they must not depend on each other.
 */
export async function deferToCommit<T>(db: Executor, write: DeferredWrite<T>, items: T[]): Promise<void> {
  if (items.length === 0) return
  const pending = runningUnits.get(db)
  if (!pending) return write.apply(db, items)
  append(pending, write as DeferredWrite<unknown>, items)
}

function append(pending: Pending, write: DeferredWrite<unknown>, items: unknown[]): void {
  const list = pending.get(write)
  if (list) list.push(...items)
  else pending.set(write, [...items])
}

/**
 * Runs `work` (in transaction `trx`) so that what it defers is written once, when
 * it ends: for a batch of creations that each record one row, one statement
 * instead of one per creation (PostgreSQL: one round trip). Inside a SQLite group
 * commit the items go on to its end instead, after the enclosing unit's earlier
 * ones, so the order within each kind is kept.
 */
export async function deferWithin<T>(trx: Executor, work: () => Promise<T>): Promise<T> {
  const outer = runningUnits.get(trx)
  const scope: Pending = new Map()
  runningUnits.set(trx, scope)
  let value: T
  try {
    value = await work()
  } finally {
    if (outer) runningUnits.set(trx, outer)
    else runningUnits.delete(trx)
  }
  if (outer) for (const [write, items] of scope) append(outer, write, items)
  else for (const [write, items] of scope) await write.apply(trx, items)

  return value
}

/** For transact.ts: what one batch has deferred so far, and the unit running now. */
export class BatchDeferrals {
  private readonly committed: Pending = new Map()

  constructor(private readonly trx: Executor) {}

  /** Runs one unit, keeping what it defers only when it resolves. */
  async runUnit<T>(work: () => Promise<T>): Promise<T> {
    const unit: Pending = new Map()
    runningUnits.set(this.trx, unit)
    try {
      const value = await work()
      for (const [write, items] of unit) append(this.committed, write, items)

      return value
    } finally {
      runningUnits.delete(this.trx)
    }
  }

  /** Writes everything the batch's successful units deferred (before COMMIT). */
  async apply(): Promise<void> {
    for (const [write, items] of this.committed) await write.apply(this.trx, items)
  }
}
