import type { TicketPriority, TicketSort } from '@madoguchi/shared'
import type { Expression, SelectQueryBuilder } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { decodeCursor } from '../http/page-cursor.ts'
import { AppError } from '../lib/app-error.ts'
import type { TicketRow } from './ticket.table.ts'

type TicketQuery = SelectQueryBuilder<Database, 'tickets' | 'ticket_tags', TicketRow>

/** Most urgent first: the order of the `priority` sort. */
export const PRIORITY_ORDER: readonly TicketPriority[] = ['urgent', 'high', 'normal', 'low']

/**
 * Where the previous page ended. `updated` keeps its original shape
 * ([updated_at, id]); the other sorts carry their name first, so a cursor from
 * another order is a 422 rather than a silently wrong page.
 */
export type SortCursor =
  | { sort: 'updated' | 'created'; time: string; id: string }
  | { sort: 'number'; number: number; id: string }
  | { sort: 'priority'; rank: number; time: string; id: string }

function invalidCursor(): AppError {
  return new AppError('request.validation_failed', [{ path: 'cursor', code: 'invalid_cursor', message: 'Invalid cursor' }])
}

function wholeNumber(text: string): number {
  const n = Number(text)
  if (!/^[0-9]{1,10}$/.test(text) || !Number.isSafeInteger(n)) throw invalidCursor()

  return n
}

export function decodeSortCursor(sort: TicketSort, cursor: string | undefined): SortCursor | null {
  if (cursor === undefined) return null
  if (sort === 'updated') {
    const [time, id] = decodeCursor(cursor, 2)

    return { sort, time: time!, id: id! }
  }
  const parts = decodeCursor(cursor, sort === 'priority' ? 4 : 3)
  if (parts[0] !== sort) throw invalidCursor()
  if (sort === 'created') return { sort, time: parts[1]!, id: parts[2]! }
  if (sort === 'number') return { sort, number: wholeNumber(parts[1]!), id: parts[2]! }
  const rank = wholeNumber(parts[1]!)
  if (rank >= PRIORITY_ORDER.length) throw invalidCursor()

  return { sort, rank, time: parts[2]!, id: parts[3]! }
}

/** The sort key of a row, as its cursor stores it. */
export function sortKeyOf(sort: TicketSort, row: TicketRow): string[] {
  switch (sort) {
    case 'updated':
      return [row.updated_at, row.id]
    case 'created':
      return [sort, row.created_at, row.id]
    case 'number':
      return [sort, String(row.number), row.id]
    case 'priority':
      return [sort, String(PRIORITY_ORDER.indexOf(row.priority)), row.updated_at, row.id]
  }
}

/**
 * Order one branch and start it after the cursor; null when the whole branch lies
 * before the cursor (a priority already paged past). The id breaks ties, so rows
 * with the same time (or priority) never repeat or go missing between pages.
 */
export function orderBranch(q: TicketQuery, sort: TicketSort, tagDriven: boolean, cursor: SortCursor | null, priority?: TicketPriority): TicketQuery | null {
  // The tag-driven scan reads ticket_tags' own (updated_at, ticket_id) copy: its index is in that order.
  const updated = tagDriven ? (['ticket_tags.updated_at', 'ticket_tags.ticket_id'] as const) : (['tickets.updated_at', 'tickets.id'] as const)
  switch (sort) {
    case 'updated':
    case 'created': {
      const [time, id] = sort === 'updated' ? updated : (['tickets.created_at', 'tickets.id'] as const)
      if (cursor && 'time' in cursor) q = q.where((eb) => eb(eb.refTuple(time, id), '<', eb.tuple(cursor.time, cursor.id)))

      return q.orderBy(time, 'desc').orderBy(id, 'desc')
    }
    case 'number':
      if (cursor?.sort === 'number') q = q.where((eb) => eb(eb.refTuple('tickets.number', 'tickets.id'), '<', eb.tuple(cursor.number, cursor.id)))

      return q.orderBy('tickets.number', 'desc').orderBy('tickets.id', 'desc')
    case 'priority': {
      const rank = PRIORITY_ORDER.indexOf(priority!)
      if (cursor?.sort === 'priority') {
        if (rank < cursor.rank) return null
        if (rank === cursor.rank) q = q.where((eb) => eb(eb.refTuple(updated[0], updated[1]), '<', eb.tuple(cursor.time, cursor.id)))
      }

      return q.orderBy(updated[0], 'desc').orderBy(updated[1], 'desc')
    }
  }
}

interface Orderable<Q> {
  orderBy(expression: Expression<unknown>, direction: 'asc' | 'desc'): Q
}

/** The same order over the merged branches (plain column names of the UNION). */
export function orderMerged<Q extends Orderable<Q>>(q: Q, sort: TicketSort): Q {
  const desc = (first: Expression<unknown>) => q.orderBy(first, 'desc').orderBy(sql.ref('id'), 'desc')
  switch (sort) {
    case 'updated':
      return desc(sql.ref('updated_at'))
    case 'created':
      return desc(sql.ref('created_at'))
    case 'number':
      return desc(sql.ref('number'))
    case 'priority': {
      const rank = sql<number>`case priority ${sql.join(PRIORITY_ORDER.map((p, i) => sql`when ${sql.lit(p)} then ${sql.lit(i)}`), sql` `)} end`

      return q.orderBy(rank, 'asc').orderBy(sql.ref('updated_at'), 'desc').orderBy(sql.ref('id'), 'desc')
    }
  }
}
