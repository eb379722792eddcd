import { createHash } from 'node:crypto'
import type { PostgresPool } from 'kysely'
import type pg from 'pg'

/** Distinct named statements one connection keeps; past this, writes go unnamed (bounded server memory). */
const MAX_PREPARED_PER_CONNECTION = 256

// Writes only: their plans do not depend on the data (insert values, a primary-key
// update), so one generic plan is always right. Reads stay unnamed and planned per
// call, so a skewed filter never gets a plan made for other values.
const WRITE = /^\s*(insert|update|delete)\b|^\s*with\b[\s\S]*\b(insert\s+into|update\s+"|delete\s+from)\b/i

/**
 * Larger writes go unnamed: a multi-row VALUES list (a batch of new customers or raw
 * mails) has new text for every number of rows, each would take a slot and server
 * memory, and its planning is shared by the whole batch anyway. Statements that pass
 * their rows as arrays (db/rows-as-arrays.ts: the ticket batch, ~60 parameters) keep
 * one text and stay prepared.
 */
const MAX_PREPARED_PARAMETERS = 160

type QueryFn = (...args: unknown[]) => unknown

/**
 * A pool whose connections run every write statement as a named prepared statement
 * (parsed and planned once per connection, then only bound and executed). On the
 * hot path — a ticket creation is one large CTE — PostgreSQL spent more CPU
 * parsing and planning those statements than executing them. Kysely hands the pool
 * plain (text, values) queries; this turns them into pg's `{ name, text, values }`.
 */
export function withPreparedWrites(pool: pg.Pool): PostgresPool {
  const prepared = new WeakSet<pg.PoolClient>()

  return {
    async connect() {
      const client = await pool.connect()
      if (!prepared.has(client)) {
        prepared.add(client)
        preparingWrites(client)
      }

      return client
    },
    end: () => pool.end(),
  }
}

function preparingWrites(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn
  const names = new Map<string, string>()
  ;(client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const [text, values] = args
    if (typeof text !== 'string' || !Array.isArray(values) || args.length !== 2 || values.length > MAX_PREPARED_PARAMETERS || !WRITE.test(text)) return query(...args)
    let name = names.get(text)
    if (name === undefined) {
      if (names.size >= MAX_PREPARED_PER_CONNECTION) return query(...args)
      name = `w_${createHash('sha1').update(text).digest('base64url')}`
      names.set(text, name)
    }

    return query({ name, text, values })
  }
}
