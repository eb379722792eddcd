import type { FastifyInstance } from 'fastify'
import type { Locale } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { requestLocale } from './error-handler.ts'
import type { OpenApiDocument } from './openapi.ts'
import { buildOpenApiDocument } from './openapi.ts'
import { renderDocsPage } from './openapi-docs-page.ts'
import { documentMissingRoutes } from './openapi-fallback-docs.ts'
import { API_PREFIX, documentRoute } from './openapi-registry.ts'

/** `GET /api/v1/openapi.json` and the human-readable `GET /api/docs`, built from the routes this app has. */
export async function openapiRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Built on first request (by then every route group has registered and documented
  // its routes), then served from memory: the routes cannot change after start.
  documentMissingRoutes()
  let spec: OpenApiDocument | undefined
  let specJson: string | undefined
  const pages = new Map<Locale, string>()
  const specOf = () => (spec ??= buildOpenApiDocument(app.routeCatalog, deps.config.publicUrl))

  documentRoute({ method: 'GET', path: '/openapi.json', tags: ['Meta'], access: 'public', summary: 'This API as an OpenAPI 3.1 document' })
  app.get(`${API_PREFIX}/openapi.json`, { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send((specJson ??= JSON.stringify(specOf()))))

  documentRoute({ method: 'GET', path: '/api/docs', prefix: '', tags: ['Meta'], access: 'public', summary: 'This API reference as an HTML page', produces: 'text/html' })
  app.get('/api/docs', { config: { access: 'public' } }, async (request, reply) => {
    const locale = requestLocale(request)
    let page = pages.get(locale)
    if (!page) {
      page = renderDocsPage(specOf(), locale, `${API_PREFIX}/openapi.json`)
      pages.set(locale, page)
    }

    return reply.type('text/html; charset=utf-8').send(page)
  })
}
