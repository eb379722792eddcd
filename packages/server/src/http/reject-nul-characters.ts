import type { FastifyInstance } from 'fastify'
import { AppError } from '../lib/app-error.ts'

const MAX_DEPTH = 64

/** Path of the first string (or key) containing U+0000, or null. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path ? `${path}.${key}` : key
    if (key.includes('\u0000')) return innerPath
    const found = findNul(inner, innerPath, depth + 1)
    if (found !== null) return found
  }

  return null
}

/**
 * PostgreSQL text cannot hold U+0000 (the query fails, which would be a 500), and
 * SQLite would store it and truncate it in many tools. No customer-service text
 * needs it, so a NUL anywhere in the path parameters, query or JSON body is a 422 on
 * both databases alike, before any handler runs.
 */
export function installNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
      const path = findNul(value, '')
      if (path !== null) {
        throw new AppError('request.validation_failed', [{ path: path || where, code: 'nul_character', message: `NUL characters (U+0000) are not allowed in the ${where}` }])
      }
    }
  })
}
