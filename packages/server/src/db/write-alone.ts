import type { Deps } from '../deps.ts'
import type { Executor } from './database.ts'

/**
 * One write that must be durable when it resolves and belongs to no larger unit of
 * work (a raw mail's row before its SMTP 250, a rate-limit hit).
 * SQLite: through the group commit (db/transact.ts), so it shares the COMMIT — the
 * WAL append — of whatever else is being written at that moment; on its own it would
 * pay a whole COMMIT per call. PostgreSQL: a statement on its own (autocommit), where
 * BEGIN and COMMIT would only add two round trips.
 */
export function writeAlone<T>(deps: Pick<Deps, 'db' | 'dialect' | 'transact'>, write: (db: Executor) => Promise<T>): Promise<T> {
  return deps.dialect === 'sqlite' ? deps.transact(write) : write(deps.db)
}
