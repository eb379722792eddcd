import { AppError } from '../lib/app-error.ts'

/**
 * Opaque cursors: base64url of the sort key of the last row a client saw. Clients
 * pass them back untouched; anything that does not decode is a 422, never a 500.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string, arity: number): string[]
export function decodeCursor(cursor: string | undefined, arity: number): string[] | undefined
export function decodeCursor(cursor: string | undefined, arity: number): string[] | undefined {
  if (cursor === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    parsed = null
  }
  if (!Array.isArray(parsed) || parsed.length !== arity || !parsed.every((v) => typeof v === 'string' && v.length <= 100)) {
    throw new AppError('request.validation_failed', [{ path: 'cursor', code: 'invalid_cursor', message: 'Invalid cursor' }])
  }

  return parsed as string[]
}

/** Fetch one row more than asked: its presence says whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null }
  const items = rows.slice(0, limit)

  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1]!)) }
}
