import { sql } from 'kysely'
import type { Updateable } from 'kysely'
import type { Dialect } from '../../db/create-db.ts'
import type { Executor } from '../../db/database.ts'
import { deferToCommit } from '../../db/deferred-writes.ts'
import type { DeferredWrite } from '../../db/deferred-writes.ts'
import { rowsAsArrays } from '../../db/rows-as-arrays.ts'
import type { NewRawEmailRow, RawEmailRow, RawEmailTable } from './email.table.ts'

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

export async function updateRawEmail(db: Executor, id: string, set: Updateable<RawEmailTable>): Promise<void> {
  await db.updateTable('raw_emails').set(set).where('id', '=', id).execute()
}

/** What became of a raw message (processRawEmail), as recorded on its row. */
export type RawEmailOutcomeUpdate = Pick<RawEmailRow, 'id' | 'outcome' | 'reason' | 'ticket_id' | 'message_id' | 'sender' | 'parse_warnings'> & { processed_at: string }

const OUTCOME_COLUMNS = ['id', 'outcome', 'reason', 'ticket_id', 'message_id', 'sender', 'parse_warnings', 'processed_at'] as const

/**
 * Records the outcome; inside deferWithin (a batch of mail tickets) together with
 * the batch's others. PostgreSQL: one UPDATE from arrays, whatever the number of
 * rows (one round trip, one statement text). SQLite: a row at a time, in-process.
 */
export function recordRawEmailOutcome(db: Executor, dialect: Dialect, update: RawEmailOutcomeUpdate): Promise<void> {
  return deferToCommit(db, dialect === 'postgres' ? outcomesOnPostgres : outcomesOnSqlite, [update])
}

const outcomesOnSqlite: DeferredWrite<RawEmailOutcomeUpdate> = {
  async apply(db, updates) {
    for (const { id, ...set } of updates) await updateRawEmail(db, id, set)
  },
}

const outcomesOnPostgres: DeferredWrite<RawEmailOutcomeUpdate> = {
  async apply(db, updates) {
    // UPDATE … FROM applies one arbitrary match per row: a row recorded twice keeps its last outcome, as in order.
    const last = [...new Map(updates.map((u) => [u.id, u])).values()]
    const set = OUTCOME_COLUMNS.filter((c) => c !== 'id').map((c) => sql`${sql.id(c)} = ${sql.ref(`v.${c}`)}`)
    await sql`update raw_emails set ${sql.join(set)} from (${rowsAsArrays(last, OUTCOME_COLUMNS)}) as v where raw_emails.id = v.id`.execute(db)
  },
}

/** Stored but never processed (the process died in between): oldest first. */
export async function listUnprocessedRawEmails(db: Executor, receivedBefore: string, limit: number): Promise<RawEmailRow[]> {
  return db.selectFrom('raw_emails').selectAll().where('outcome', '=', 'received').where('received_at', '<', receivedBefore)
    .orderBy('received_at').limit(limit).execute()
}
