import { sql } from 'kysely'
import type { Dialect } from '../../db/create-db.ts'
import type { Executor } from '../../db/database.ts'
import { deferToCommit } from '../../db/deferred-writes.ts'
import type { DeferredWrite } from '../../db/deferred-writes.ts'
import { rowsAsArrays } from '../../db/rows-as-arrays.ts'
import type { NewRawEmailRow, RawEmailRow } from './email.table.ts'

/** Bytes of raw mail one INSERT carries at most (a row holds up to INLINE_BLOB_MAX). */
const MAX_INSERT_BYTES = 4 * 1024 * 1024

/**
 * Inserts the rows whose (inbox, dedupe key) is not stored yet, in as few statements
 * as their size allows; returns the ids of those inserted. Of two rows with the same
 * key, the first is inserted.
 */
export async function insertRawEmails(db: Executor, rows: NewRawEmailRow[]): Promise<Set<string>> {
  const inserted = new Set<string>()
  for (let start = 0; start < rows.length;) {
    let end = start + 1
    let bytes = rows[start]!.content?.length ?? 0
    while (end < rows.length && bytes + (rows[end]!.content?.length ?? 0) <= MAX_INSERT_BYTES) bytes += rows[end++]!.content?.length ?? 0
    const ids = await db
      .insertInto('raw_emails')
      .values(rows.slice(start, end))
      .onConflict((oc) => oc.columns(['inbox_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute()
    for (const { id } of ids) inserted.add(id)
    start = end
  }

  return inserted
}

export async function findRawEmailByKey(db: Executor, inboxId: string, dedupeKey: string): Promise<RawEmailRow | undefined> {
  return db.selectFrom('raw_emails').selectAll().where('inbox_id', '=', inboxId).where('dedupe_key', '=', dedupeKey).executeTakeFirst()
}

export async function findRawEmail(db: Executor, id: string): Promise<RawEmailRow | undefined> {
  return db.selectFrom('raw_emails').selectAll().where('id', '=', id).executeTakeFirst()
}

/** What became of a raw message (processRawEmail), as recorded on its row. */
export type RawEmailOutcomeUpdate = Pick<RawEmailRow, 'id' | 'outcome' | 'reason' | 'ticket_id' | 'message_id' | 'sender' | 'parse_warnings'> & { processed_at: string }

const OUTCOME_COLUMNS = ['id', 'outcome', 'reason', 'ticket_id', 'message_id', 'sender', 'parse_warnings', 'processed_at'] as const

/**
 * Records the outcome; inside deferWithin (a batch of mail tickets) together with
 * the batch's others. PostgreSQL: one UPDATE from arrays, whatever the number of
 * rows (one round trip, one statement text). SQLite: one UPDATE from a VALUES list
 * per 100 rows (10–12 µs a row against 24–40 a row at a time, timed 2026-11-28 with a
 * scratch script; the alternating end-to-end runs are in docs/benchmarks.md).
 */
export function recordRawEmailOutcome(db: Executor, dialect: Dialect, update: RawEmailOutcomeUpdate): Promise<void> {
  return deferToCommit(db, dialect === 'postgres' ? outcomesOnPostgres : outcomesOnSqlite, [update])
}

// UPDATE … FROM applies one arbitrary match per row: a row recorded twice keeps its last outcome, as in order.
const lastOfEach = (updates: RawEmailOutcomeUpdate[]) => [...new Map(updates.map((u) => [u.id, u])).values()]
const V_COLUMNS = sql.join(OUTCOME_COLUMNS.map((c) => sql.id(c)))
const SET_FROM_V = sql.join(OUTCOME_COLUMNS.filter((c) => c !== 'id').map((c) => sql`${sql.id(c)} = ${sql.ref(`v.${c}`)}`))
const SQLITE_ROWS_PER_UPDATE = 100

const outcomesOnSqlite: DeferredWrite<RawEmailOutcomeUpdate> = {
  async apply(db, updates) {
    const last = lastOfEach(updates)
    for (let i = 0; i < last.length; i += SQLITE_ROWS_PER_UPDATE) {
      const values = sql.join(last.slice(i, i + SQLITE_ROWS_PER_UPDATE).map((u) => sql`(${sql.join(OUTCOME_COLUMNS.map((c) => u[c]))})`))
      await sql`with v(${V_COLUMNS}) as (values ${values}) update raw_emails set ${SET_FROM_V} from v where raw_emails.id = v.id`.execute(db)
    }
  },
}

const outcomesOnPostgres: DeferredWrite<RawEmailOutcomeUpdate> = {
  async apply(db, updates) {
    await sql`update raw_emails set ${SET_FROM_V} from (${rowsAsArrays(lastOfEach(updates), OUTCOME_COLUMNS)}) as v where raw_emails.id = v.id`.execute(db)
  },
}

/** Stored but never processed (the process died in between): oldest first. */
export async function listUnprocessedRawEmails(db: Executor, receivedBefore: string, limit: number): Promise<RawEmailRow[]> {
  return unprocessedRawEmails(db, receivedBefore, limit).execute()
}

/** `received` as a literal, as in the partial index raw_emails_pending_idx: a plan made before parameters are known can use it too. */
export const unprocessedRawEmails = (db: Executor, receivedBefore: string, limit: number) =>
  db.selectFrom('raw_emails').selectAll().where('outcome', '=', sql.lit('received')).where('received_at', '<', receivedBefore)
    .orderBy('received_at').limit(limit)
