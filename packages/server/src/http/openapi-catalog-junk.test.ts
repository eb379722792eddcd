import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import type { InjectOptions } from 'fastify'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import type { Dialect } from '../db/create-db.ts'
import { testDialects } from '../test/dialects.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTestDeps } from '../test/test-deps.ts'
import type { CatalogRoute } from './openapi-registry.ts'
import { routeDoc } from './openapi-registry.ts'

/**
 * Property: whatever junk reaches whatever route — random JSON, wrong types, huge
 * strings, invalid UTF-8, wrong content types, odd methods, random path segments —
 * the answer is never a 5xx. Routes come from the app's own catalog, so a route added
 * tomorrow is covered without touching this file. JUNK_RUNS=n raises the runs per route.
 */
const RUNS_PER_ROUTE = Number(process.env.JUNK_RUNS ?? 25)

const junkString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '__proto__', 'constructor', '../../etc/passwd', "'; drop table tickets; --", '\u0000', '\uFFFF', '😀', '𠮷野家', 'ｱｲｳ', 'C-0000-0000', 'me', 'none'),
  fc.integer({ min: 256, max: 5_000 }).map((n) => 'x'.repeat(n)),
)
/** Near and over the 1 MiB body limit (3 bytes per character in UTF-8). */
const hugeString = fc.integer({ min: 100_000, max: 400_000 }).map((n) => 'あ'.repeat(n))

/** Any JSON value, or an object whose keys are the route's documented fields with junk values. */
function junkBody(route: CatalogRoute): fc.Arbitrary<unknown> {
  const props = Object.keys(((routeDoc(route.method, route.url)?.body as { shape?: Record<string, unknown> } | undefined)?.shape) ?? {})
  const fieldValue = fc.oneof(fc.jsonValue(), junkString, fc.constant(null), fc.array(junkString, { maxLength: 3 }))
  const wrongTypes = props.length
    ? fc.dictionary(fc.constantFrom(...props), fieldValue, { maxKeys: props.length + 1 })
    : fc.dictionary(junkString, fieldValue, { maxKeys: 4 })

  return fc.oneof(fc.jsonValue({ maxDepth: 4 }), wrongTypes, fc.array(fc.jsonValue(), { maxLength: 3 }))
}

interface Junk {
  method: string
  segments: string[]
  query: Record<string, string | string[]>
  payload: string | Buffer | undefined
  contentType: string | undefined
  idempotencyKey: string | undefined
  acceptLanguage: string | undefined
}

function junkRequest(route: CatalogRoute, realIds: string[]): fc.Arbitrary<Junk> {
  const paramCount = (route.url.match(/:\w+|\*/g) ?? []).length
  const segment = fc.oneof(fc.constantFrom(...realIds), fc.uuid(), junkString, fc.constantFrom('%', '%E0%A4%A', '%00', '..', '%2F..%2F'))
  const body = fc.oneof(
    junkBody(route).map((v) => JSON.stringify(v)),
    junkString,
    hugeString.map((h) => JSON.stringify({ subject: h, body: h.slice(0, 1000) })),
    fc.constant('{"__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}'),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('{"subject":"'), Buffer.from(bytes), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')])),
    fc.constant(undefined),
  )

  return fc.record({
    method: fc.oneof({ weight: 8, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD') }),
    segments: fc.array(segment, { minLength: paramCount, maxLength: paramCount }),
    query: fc.dictionary(fc.oneof(fc.constantFrom('status', 'limit', 'cursor', 'q', 'crn', 'email', 'phone', 'assigneeId', 'updatedSince', 'type', 'from', 'to'), junkString), fc.oneof(junkString, fc.array(junkString, { maxLength: 3 })), { maxKeys: 4 }),
    payload: body,
    contentType: fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/vnd.api+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', ';;;'),
    idempotencyKey: fc.option(junkString.map((s) => s.slice(0, 300).replace(/[^\x20-\x7e]/g, '')), { nil: undefined }),
    acceptLanguage: fc.option(fc.constantFrom('en', 'ja', '*', 'xx-YY;q=abc', ''), { nil: undefined }),
  })
}

function toInject(route: CatalogRoute, junk: Junk, headers: Record<string, string>): InjectOptions {
  let i = 0
  const url = route.url.replace(/:\w+|\*/g, () => {
    const value = junk.segments[i++] ?? ''

    return value.startsWith('%') ? value : encodeURIComponent(value)
  })
  const sendsBody = junk.payload !== undefined && junk.method !== 'GET' && junk.method !== 'HEAD'

  return {
    method: junk.method as InjectOptions['method'],
    url,
    query: junk.query,
    headers: {
      ...headers,
      ...(sendsBody && junk.contentType ? { 'content-type': junk.contentType } : {}),
      ...(junk.idempotencyKey !== undefined ? { 'idempotency-key': junk.idempotencyKey } : {}),
      ...(junk.acceptLanguage !== undefined ? { 'accept-language': junk.acceptLanguage } : {}),
    },
    ...(sendsBody ? { payload: junk.payload } : {}),
  }
}

/**
 * The app as `npm start` serves it, with a built agent app: without one, the page
 * fallback deliberately answers 503 "not built yet", which is not what this tests.
 */
async function startAppWithBuiltWeb(dialect: Dialect) {
  const webDistDir = fs.mkdtempSync(path.join(os.tmpdir(), 'madoguchi-web-'))
  fs.writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>Madoguchi</title><div id="root"></div>')
  const deps = await createTestDeps(dialect)
  const app = await buildApp(deps, { webDistDir })
  const account = await seedTestAccount(deps)
  onTestFinished(async () => {
    await app.close()
    await deps.cleanup()
    fs.rmSync(webDistDir, { recursive: true, force: true })
  })

  return { app, account }
}

describe.each(testDialects())('junk at every route on %s', (dialect) => {
  it('never answers with a 5xx', async () => {
    const { app, account } = await startAppWithBuiltWeb(dialect)
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: account.admin.headers,
      payload: { subject: 'junk target', customer: { email: 'junk@example.jp', name: 'Junk' }, channel: 'email', message: { body: 'hi' } },
    })
    const ticket = created.json() as { id?: string; number?: number; customer?: { id: string; crn: string } }
    const realIds = [ticket.id, ticket.customer?.id, ticket.customer?.crn, String(ticket.number ?? 1), account.agent.id, account.teamId, account.accountId]
      .filter((v): v is string => typeof v === 'string')

    const routes = app.routeCatalog.filter((r) => r.method !== 'HEAD')
    expect(routes.length).toBeGreaterThan(20)
    const failures: string[] = []
    for (const route of routes) {
      try {
        await fc.assert(
          fc.asyncProperty(junkRequest(route, realIds), async (junk) => {
            const res = await app.inject(toInject(route, junk, account.admin.headers))
            if (res.statusCode >= 500) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`)
          }),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
      } catch (error) {
        failures.push(`${route.method} ${route.url}: ${(error as Error).message.split('\n').slice(0, 6).join(' | ').slice(0, 1500)}`)
      }
    }
    expect(failures).toEqual([])
  }, 600_000)
})

describe.each(testDialects())('NUL characters on %s', (dialect) => {
  it('are refused with a 422 wherever they appear, instead of reaching the database', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = { ...account.admin.headers, 'accept-language': 'en' }
    const inPath = await app.inject({ url: '/api/v1/agents/%00', headers: h })
    const inQuery = await app.inject({ url: '/api/v1/customers/lookup?email=a%00@example.jp', headers: h })
    const inBody = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: h, payload: { subject: 'a\u0000b', customer: { email: 'n@example.jp', name: 'N' }, channel: 'email', message: { body: 'x' } } })
    for (const res of [inPath, inQuery, inBody]) {
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json().error.details[0].code).toBe('nul_character')
    }
    expect(inBody.json().error.details[0].path).toBe('subject')
  })
})
