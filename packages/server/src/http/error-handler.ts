import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode, Locale } from '@madoguchi/shared'
import { HTTP_STATUS, errorMessage } from '@madoguchi/shared'
import { AppError } from '../lib/app-error.ts'

/** Fastify's own error codes → ours, so framework errors look like every other error. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed_json',
  FST_ERR_CTP_INVALID_TYPE: 'request.unsupported_media_type',
  FST_ERR_VALIDATION: 'request.validation_failed',
  FST_ERR_BAD_URL: 'request.not_found',
  FST_ERR_ASYNC_CONSTRAINT: 'request.not_found',
}

export function requestLocale(request: FastifyRequest): Locale {
  if (request.principal) return request.principal.locale
  const header = request.headers['accept-language'] ?? ''

  return /^\s*en\b/i.test(header) ? 'en' : header ? (/\bja\b/i.test(header) ? 'ja' : 'en') : 'ja'
}

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  const body = { error: { code, message: errorMessage(code, requestLocale(request)), ...(details === undefined ? {} : { details }) } }

  return reply.status(HTTP_STATUS[code]).type('application/json; charset=utf-8').send(body)
}

function classify(error: FastifyError | Error): { code: ErrorCode; details?: unknown } {
  if (error instanceof AppError) return { code: error.code, details: error.details }
  const fastifyCode = (error as FastifyError).code
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) return { code: FASTIFY_CODES[fastifyCode]! }
  if (error instanceof SyntaxError) return { code: 'request.malformed_json' }
  // PostgreSQL refuses NUL characters in text ("invalid byte sequence", 22021); they can
  // only come from the client, so this is bad input, not a server fault.
  if ((error as { code?: unknown }).code === '22021') return { code: 'request.invalid_encoding' }
  const status = (error as FastifyError).statusCode
  if (status === 413) return { code: 'request.payload_too_large' }
  if (status === 415) return { code: 'request.unsupported_media_type' }
  if (status === 429) return { code: 'request.rate_limited' }
  if (status && status >= 400 && status < 500) return { code: 'request.malformed_json' }

  return { code: 'server.internal' }
}

/** The one place that turns errors into HTTP responses; 5xx details never leave the server. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { code, details } = classify(error)
    const status = HTTP_STATUS[code]
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.debug({ code }, 'request rejected')
    const retryAfter = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
    if (code === 'request.rate_limited' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter))

    return sendError(request, reply, code, status >= 500 ? undefined : details)
  })
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'request.not_found'))
}
