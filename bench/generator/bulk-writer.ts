import SQLite from 'better-sqlite3'
import pg from 'pg'
import type { DatabaseConfig } from '../../packages/server/src/config.ts'

/** A row to insert: column name → value (all rows of one call have the same columns). */
export type Row = object

/**
 * Fast loading for the data generator: multi-row INSERTs with prepared statements,
 * many rows per transaction, secondary indexes dropped during the load and rebuilt
 * afterwards from their own stored definitions (so the schema stays exactly what
 * the migrations made). Rows are consistent by construction, so foreign-key checks
 * are off while loading.
 */
export interface BulkWriter {
  insert(table: string, rows: Row[]): Promise<void>
  begin(): Promise<void>
  commit(): Promise<void>
  /** Drops the non-constraint indexes of `tables`; returns a function that recreates them. */
  dropIndexes(tables: string[]): Promise<() => Promise<void>>
  /** Planner statistics for `tables` (PostgreSQL: what autovacuum would do after a big load). */
  analyze(tables: string[]): Promise<void>
  close(): Promise<void>
}

export function openBulkWriter(config: DatabaseConfig): Promise<BulkWriter> {
  return config.dialect === 'sqlite' ? openSqlite(config.filename) : openPostgres(config.url, config.schema)
}

function rowsPerStatement(columns: number, maxParams: number): number {
  return Math.max(1, Math.min(500, Math.floor(maxParams / columns)))
}

async function openSqlite(filename: string): Promise<BulkWriter> {
  const db = new SQLite(filename)
  db.pragma('journal_mode = WAL')
  // Loading a benchmark data set: a crash just means generating it again.
  db.pragma('synchronous = OFF')
  db.pragma('foreign_keys = OFF')
  db.pragma('cache_size = -1000000')
  db.pragma('temp_store = MEMORY')
  const statements = new Map<string, SQLite.Statement>()
  const statementFor = (table: string, columns: string[], rows: number) => {
    const key = `${table}:${columns.join(',')}:${rows}`
    let stmt = statements.get(key)
    if (!stmt) {
      const tuple = `(${columns.map(() => '?').join(', ')})`
      stmt = db.prepare(`insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}`)
      statements.set(key, stmt)
    }

    return stmt
  }

  return {
    async insert(table, rows) {
      if (rows.length === 0) return
      const columns = Object.keys(rows[0]!)
      const per = rowsPerStatement(columns.length, 32_000)
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per)
        const values: unknown[] = []
        for (const row of chunk) for (const c of columns) values.push((row as Record<string, unknown>)[c])
        statementFor(table, columns, chunk.length).run(values)
      }
    },
    async begin() {
      db.exec('begin')
    },
    async commit() {
      db.exec('commit')
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
    async dropIndexes(tables) {
      const list = db
        .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`)
        .all(...tables) as Array<{ name: string; sql: string }>
      for (const index of list) db.exec(`drop index ${index.name}`)

      return async () => {
        for (const index of list) db.exec(index.sql)
      }
    },
    async analyze() {
      // Left out on purpose: the app never runs ANALYZE on SQLite, so neither do we.
    },
    async close() {
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}

async function openPostgres(url: string, schema: string | undefined): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) })
  await client.connect()
  await client.query(`set synchronous_commit = off`)
  await client.query(`set maintenance_work_mem = '1GB'`)
  // Skips foreign-key triggers while loading (superuser only; the rows are consistent by construction).
  await client.query(`set session_replication_role = replica`)

  return {
    async insert(table, rows) {
      if (rows.length === 0) return
      const columns = Object.keys(rows[0]!)
      const per = rowsPerStatement(columns.length, 65_000)
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per)
        const values: unknown[] = []
        const tuples: string[] = []
        for (const row of chunk) {
          const start = values.length
          tuples.push(`(${columns.map((_, j) => `$${start + j + 1}`).join(', ')})`)
          for (const c of columns) values.push((row as Record<string, unknown>)[c])
        }
        const name = `bulk_${table}_${columns.length}_${chunk.length}`
        const text = `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`
        // Full chunks share one server-side prepared statement; the last, short one does not.
        await client.query(chunk.length === per ? { name, text, values } : { text, values })
      }
    },
    async begin() {
      await client.query('begin')
    },
    async commit() {
      await client.query('commit')
    },
    async dropIndexes(tables) {
      const { rows } = await client.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes
          where schemaname = current_schema() and tablename = any($1)
            and indexname not in (select conname from pg_constraint)`,
        [tables],
      )
      for (const index of rows) await client.query(`drop index ${index.indexname}`)

      return async () => {
        for (const index of rows) await client.query(index.indexdef)
      }
    },
    async analyze(tables) {
      // Named tables only: a bare ANALYZE would visit every schema of the database.
      await client.query(`analyze ${tables.join(', ')}`)
    },
    async close() {
      await client.end()
    },
  }
}
