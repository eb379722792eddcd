import pino from 'pino'
import type { Logger } from 'pino'
import type { EmailParser } from './channels/email/email-parser.ts'
import { createEmailParser } from './channels/email/email-parser.ts'
import type { Config } from './config.ts'
import type { Db } from './db/database.ts'
import type { Dialect } from './db/create-db.ts'
import { createDb } from './db/create-db.ts'
import type { Transact } from './db/transact.ts'
import { createTransact } from './db/transact.ts'
import type { Clock } from './lib/clock.ts'
import type { RealtimeBus } from './realtime/realtime-bus.ts'
import { createInProcessBus } from './realtime/realtime-bus.ts'
import { createPostgresBus } from './realtime/postgres-bus.ts'
import { systemClock } from './lib/clock.ts'

/**
 * Everything a use case may touch, passed as an argument (no module singletons), so
 * a test builds a real app on a fresh database in milliseconds.
 */
export interface Deps {
  db: Db
  dialect: Dialect
  /**
   * Write transactions go through here, not `db.transaction()`: on SQLite they are
   * group-committed (db/transact.ts). Resolves after COMMIT.
   */
  transact: Transact
  clock: Clock
  logger: Logger
  config: Config
  /** Publish after commit; see realtime/realtime-bus.ts. */
  realtime: RealtimeBus
  /**
   * Parses inbound mail; worker threads per config.parseThreads. Absent (test deps):
   * parsed on the calling thread. Whoever builds deps closes it.
   */
  emailParser?: EmailParser
}

export function buildDeps(config: Config, overrides: Partial<Deps> = {}): Deps {
  const logger = overrides.logger ?? pino({ level: config.logLevel })
  const database = config.database

  const db = overrides.db ?? createDb(database)

  return {
    db,
    dialect: database.dialect,
    transact: overrides.transact ?? createTransact(db, database.dialect),
    clock: overrides.clock ?? systemClock,
    logger,
    config,
    // Several app nodes share PostgreSQL, so their sockets hear each other's events.
    realtime:
      overrides.realtime ??
      (database.dialect === 'postgres' ? createPostgresBus({ url: database.url, schema: database.schema, logger }) : createInProcessBus()),
    // Workers start with the first message, so commands that never parse mail never start them.
    emailParser: overrides.emailParser ?? createEmailParser(config.parseThreads, logger),
  }
}
