import { z } from 'zod'
import type { ErrorCode } from '@madoguchi/shared'
import { HTTP_STATUS } from '@madoguchi/shared'
import type { CatalogRoute, RouteDoc } from './openapi-registry.ts'
import { API_PREFIX, routeDoc } from './openapi-registry.ts'

export type JsonSchema = Record<string, unknown>

interface Operation {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  'x-access': string
  security: Record<string, string[]>[]
  parameters: Record<string, unknown>[]
  requestBody?: Record<string, unknown>
  responses: Record<string, Record<string, unknown>>
}

export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: { url: string }[]
  tags: { name: string }[]
  paths: Record<string, Record<string, Operation>>
  components: Record<string, Record<string, unknown>>
}

/** zod → JSON Schema (2020-12, which OpenAPI 3.1 uses as is); what cannot be expressed becomes `{}`. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema
  delete json.$schema

  return json
}

const toOpenApiPath = (url: string) => url.replace(/:(\w+)(\([^)]*\))?/g, '{$1}')
const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!)

function operationId(method: string, url: string): string {
  const words = url.replace(API_PREFIX, '').split(/[^A-Za-z0-9]+/).filter(Boolean)

  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')
}

function parameters(route: CatalogRoute, doc: RouteDoc | undefined): Record<string, unknown>[] {
  const result: Record<string, unknown>[] = []
  const paramSchema = doc?.params ? toJsonSchema(doc.params, 'input') : undefined
  const paramProps = (paramSchema?.properties ?? {}) as Record<string, JsonSchema>
  for (const name of pathParams(route.url)) {
    result.push({ name, in: 'path', required: true, schema: paramProps[name] ?? { type: 'string' } })
  }
  if (doc?.query) {
    const query = toJsonSchema(doc.query, 'input')
    const required = new Set((query.required ?? []) as string[])
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = schema
      result.push({ name, in: 'query', required: required.has(name), schema: rest, ...(description ? { description } : {}) })
    }
  }
  if (route.idempotent) {
    result.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Send the same key again (same body) to get the first answer replayed instead of doing the work twice. 1–255 printable ASCII characters; kept 24 h.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    })
  }

  return result
}

/** Error codes a route can answer with: its own plus those every route of its kind shares. */
function errorCodes(route: CatalogRoute, doc: RouteDoc | undefined): ErrorCode[] {
  const codes = new Set<ErrorCode>(doc?.errors ?? [])
  if (route.access && route.access !== 'public') {
    codes.add('auth.required')
    codes.add('auth.forbidden')
  }
  if (doc?.body || doc?.query) codes.add('request.validation_failed')
  if (doc?.body) {
    codes.add('request.malformed_json')
    codes.add('request.unsupported_media_type')
    codes.add('request.payload_too_large')
  }
  if (route.idempotent) {
    codes.add('request.idempotency_key_reused')
    codes.add('request.idempotency_in_progress')
  }

  return [...codes]
}

function responses(route: CatalogRoute, doc: RouteDoc | undefined): Operation['responses'] {
  const status = String(doc?.status ?? 200)
  const success: Record<string, unknown> = { description: 'Success' }
  if (doc?.response) success.content = { [doc.produces ?? 'application/json']: { schema: toJsonSchema(doc.response, 'output') } }
  const result: Operation['responses'] = { [status]: success }
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of errorCodes(route, doc)) byStatus.set(HTTP_STATUS[code], [...(byStatus.get(HTTP_STATUS[code]) ?? []), code])
  for (const [code, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    result[String(code)] = {
      description: `Error: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    }
  }

  return result
}

function operation(route: CatalogRoute): Operation {
  const doc = routeDoc(route.method, route.url)
  const access = route.access ?? doc?.access ?? 'public'
  const op: Operation = {
    operationId: operationId(route.method, route.url),
    summary: doc?.summary ?? '(not documented yet)',
    ...(doc?.description ? { description: doc.description } : {}),
    tags: doc?.tags ?? [route.url.startsWith(API_PREFIX) ? 'Other' : 'Operations'],
    'x-access': access,
    security: access === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    parameters: parameters(route, doc),
    responses: responses(route, doc),
  }
  if (doc?.body) op.requestBody = { required: true, content: { 'application/json': { schema: toJsonSchema(doc.body, 'input') } } }

  return op
}

const DOCUMENTED_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])

/** The OpenAPI 3.1 document of the routes this app really has (documented or not). */
export function buildOpenApiDocument(catalog: readonly CatalogRoute[], publicUrl: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {}
  const tags = new Set<string>()
  for (const route of catalog) {
    if (!DOCUMENTED_METHODS.has(route.method) || route.url.includes('*')) continue
    const op = operation(route)
    op.tags.forEach((t) => tags.add(t))
    const path = toOpenApiPath(route.url)
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: op }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Madoguchi API',
      version: '1',
      description: 'Customer-service platform API. JSON in and out; errors are `{"error":{"code","message","details"}}`. ' +
        'Authenticate with `Authorization: Bearer mdg_…` (personal API token) or the session cookie plus `X-CSRF-Token` on unsafe methods.',
    },
    servers: [{ url: publicUrl }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'Personal API token (`mdg_…`), shown once when created.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'madoguchi_session', description: 'Browser session from POST /api/v1/auth/login; unsafe methods also need X-CSRF-Token.' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: Object.keys(HTTP_STATUS) },
                message: { type: 'string', description: 'Localized (ja/en) from the caller\'s locale or Accept-Language.' },
                details: { description: 'Code-specific details, e.g. the validation issues.' },
              },
            },
          },
        },
      },
    },
  }
}
