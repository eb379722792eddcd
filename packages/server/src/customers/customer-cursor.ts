import { AppError } from '../lib/app-error.ts'

/**
 * Opaque list cursors: base64url of the sort key of the last row the client saw.
 * Anything that does not decode is a 422, never a 500.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

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
