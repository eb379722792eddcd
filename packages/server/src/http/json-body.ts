import type { FastifyInstance } from 'fastify'
import { AppError } from '../lib/app-error.ts'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * JSON bodies are decoded strictly: invalid UTF-8 is a 400 instead of being
 * silently turned into U+FFFD and stored. Parsing then uses Fastify's own
 * prototype-poisoning-safe parser.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json$/, { parseAs: 'buffer' }, (request, body, done) => {
    let text: string
    try {
      text = strictUtf8.decode(body as Buffer)
    } catch {
      done(new AppError('request.invalid_encoding'), undefined)

      return
    }
    parseJson(request, text, done)
  })
}
