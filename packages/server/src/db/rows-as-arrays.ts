import { sql } from 'kysely'
import type { RawBuilder } from 'kysely'

/** What `select` of rowsAsArrays lists: a column as it is, or an expression of the `u` columns. */
export type ArraySelect = string | RawBuilder<unknown>

/**
 * PostgreSQL: rows as `select … from unnest($1::text[], $2::text[], …) as u(…)`,
 * one array parameter per column, for `insert into … (columns) <this>`.
 *
 * A multi-row VALUES list has new text for every number of rows: each batch of
 * ticket creations was parsed and planned anew (a third of PostgreSQL's CPU per
 * mail, measured with perf), and Kysely built a node for every value. This text
 * depends only on the columns, so the statement is prepared and planned once per
 * connection (db/prepared-writes.ts).
 *
 * Every value goes as text (numbers as their decimal string, null as NULL); `select`
 * casts or computes what is not text, e.g. sql`u.message_count::integer`. Every row
 * must have exactly the given columns: a column left out would silently become NULL
 * instead of its default.
 */
export function rowsAsArrays(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[], select: readonly ArraySelect[] = columns): RawBuilder<unknown> {
  const arrays = columns.map((column) => rows.map((row) => asText(row[column], column)))
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length) throw new Error(`rowsAsArrays: a row has other columns than ${columns.join(', ')}`)
  }
  const selected = select.map((s) => (typeof s === 'string' ? sql.ref(`u.${s}`) : s))

  return sql`select ${sql.join(selected)} from unnest(${sql.join(arrays.map((values) => sql`${values}::text[]`))}) as u(${sql.join(columns.map((c) => sql.id(c)))})`
}

function asText(value: unknown, column: string): string | null {
  if (value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  throw new Error(`rowsAsArrays: ${column} is ${value === undefined ? 'missing' : typeof value}, not text, a number or null`)
}
