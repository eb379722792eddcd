import { describe, expect, it, onTestFinished } from 'vitest'
import { z } from 'zod'
import { buildApp } from '../app.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { documentRoute } from './openapi-registry.ts'

async function appWithDocumentedRoute() {
  const deps = await createTestDeps('sqlite')
  const app = await buildApp(deps)
  const body = z.object({ subject: z.string().min(1).max(200).describe('What the matter is about'), priority: z.enum(['low', 'high']).optional() }).strict()
  const query = z.object({ limit: z.coerce.number().int().min(1).max(100).optional() })
  documentRoute({ method: 'POST', path: '/docs-test/:id/things', tags: ['Docs test'], access: 'staff', summary: 'Create a <thing>', body, query, response: z.object({ id: z.string() }), status: 201, errors: ['ticket.not_found'] })
  await app.register(async (s) => {
    s.post('/docs-test/:id/things', { config: { access: 'staff' } }, async () => ({ id: 'x' }))
    s.get('/docs-test/undocumented', { config: { access: 'admin' } }, async () => ({}))
  }, { prefix: '/api/v1' })
  onTestFinished(async () => {
    await app.close()
    await deps.cleanup()
  })

  return app
}

describe('OpenAPI document and docs page', () => {
  it('describes every registered route from its zod schemas', async () => {
    const app = await appWithDocumentedRoute()
    const res = await app.inject('/api/v1/openapi.json')
    expect(res.statusCode).toBe(200)
    const spec = res.json()
    expect(spec.openapi).toBe('3.1.0')
    const op = spec.paths['/api/v1/docs-test/{id}/things'].post
    expect(op).toMatchObject({ summary: 'Create a <thing>', tags: ['Docs test'], 'x-access': 'staff' })
    expect(op.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['subject'],
      additionalProperties: false,
      properties: { subject: { type: 'string', minLength: 1, maxLength: 200, description: 'What the matter is about' }, priority: { enum: ['low', 'high'] } },
    })
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:limit', 'header:Idempotency-Key'])
    expect(op.responses['201'].content['application/json'].schema.properties.id.type).toBe('string')
    expect(op.responses['404'].description).toContain('ticket.not_found')
    expect(op.responses['422'].description).toContain('request.validation_failed')
    // Routes nobody documented still appear, with their access level, so the spec never hides an endpoint.
    expect(spec.paths['/api/v1/docs-test/undocumented'].get).toMatchObject({ summary: '(not documented yet)', 'x-access': 'admin' })
    expect(spec.paths['/healthz'].get).toBeDefined()
    expect(Object.keys(spec.paths).some((p) => p.includes(':'))).toBe(false)
  })

  it('renders a self-contained HTML reference grouped by tag, escaped, in the reader\'s language', async () => {
    const app = await appWithDocumentedRoute()
    const res = await app.inject({ url: '/api/docs', headers: { 'accept-language': 'en' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    const html = res.body
    expect(html).toContain('Madoguchi API reference')
    expect(html).toContain('id="tag-Docs-test"')
    expect(html).toContain('/api/v1/docs-test/{id}/things')
    expect(html).toContain('Create a &lt;thing&gt;')
    expect(html).toContain('What the matter is about')
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)[a-z]/i)
    const ja = await app.inject({ url: '/api/docs', headers: { 'accept-language': 'ja' } })
    expect(ja.body).toContain('API リファレンス')
  })
})

describe('the real app', () => {
  it('documents every /api/v1 route (call documentRoute next to the route; see openapi-registry.ts)', async () => {
    const deps = await createTestDeps('sqlite')
    const app = await buildApp(deps)
    onTestFinished(async () => {
      await app.close()
      await deps.cleanup()
    })
    const spec = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { summary: string }>> }
    const undocumented = Object.entries(spec.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, summary: op.summary })))
      // WebSocket upgrades are not HTTP request/response routes; OpenAPI cannot describe them.
      .filter((o) => o.summary === '(not documented yet)' && o.route !== 'GET /api/v1/realtime')
      .map((o) => o.route)
    expect(undocumented).toEqual([])
    expect(spec.paths['/api/v1/tickets']!.post!.summary).toBeTruthy()
    // Idempotency-Key is offered where it is honoured: not on login, not where the answer carries a one-time secret.
    const headerNames = (path: string) => ((spec.paths[path]!.post as unknown as { parameters: { name: string }[] }).parameters).map((p) => p.name)
    expect(headerNames('/api/v1/tickets')).toContain('Idempotency-Key')
    expect(headerNames('/api/v1/auth/login')).not.toContain('Idempotency-Key')
    expect(headerNames('/api/v1/tokens')).not.toContain('Idempotency-Key')
    const page = await app.inject('/api/docs')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('/api/v1/tickets/{id}/messages')
  })
})
