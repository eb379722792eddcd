import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'

/**
 * Opaque cursors for lists ordered by id (UUIDv7, so id order is creation order).
 * Opaque so that clients do not build them and we may change what is inside.
 */
export function encodeIdCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url')
}

export function decodeIdCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!isId(id)) throw new AppError('request.validation_failed', [{ path: 'cursor', code: 'invalid_cursor', message: 'Invalid cursor' }])

  return id
}

/** Fetch one row more than asked to know whether a next page exists. */
export function toPage<R extends { id: string }, V>(rows: R[], limit: number, toView: (row: R) => V): { items: V[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]

  return { items: page.map(toView), nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null }
}
