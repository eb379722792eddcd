import type { Locale } from '@madoguchi/shared'
import type { JsonSchema, OpenApiDocument } from './openapi.ts'

const LABELS = {
  title: { en: 'Madoguchi API reference', ja: 'Madoguchi API リファレンス' },
  spec: { en: 'Machine-readable spec', ja: '機械可読な仕様' },
  access: { en: 'Access', ja: '権限' },
  params: { en: 'Parameters', ja: 'パラメーター' },
  body: { en: 'Request body', ja: 'リクエスト本文' },
  responses: { en: 'Responses', ja: 'レスポンス' },
  required: { en: 'required', ja: '必須' },
  contents: { en: 'Contents', ja: '目次' },
  endpoints: { en: 'endpoints', ja: '件のエンドポイント' },
} satisfies Record<string, Record<Locale, string>>

const escape = (text: unknown) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** `code` spans for the few markdown backticks our descriptions use. */
const prose = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>')

function typeLabel(s: JsonSchema): string {
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop()!
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  if ('const' in s) return JSON.stringify(s.const)
  const variants = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined
  if (variants) return variants.map(typeLabel).join(' | ')
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type as string | undefined) ?? 'any'
  if (type === 'array' && s.items) return `${typeLabel(s.items as JsonSchema)}[]`

  return s.format ? `${type} (${String(s.format)})` : type
}

function constraints(s: JsonSchema): string {
  const parts: string[] = []
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'pattern', 'default']) {
    if (key in s) parts.push(`${key} ${JSON.stringify(s[key])}`)
  }

  return parts.join(', ')
}

/** A schema as nested tables: enough to write a client without reading JSON Schema. */
function renderSchema(s: JsonSchema, locale: Locale, depth = 0): string {
  if (depth > 6) return ''
  const variants = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined
  if (variants && variants.some((v) => v.type === 'object')) {
    return `<ul class="variants">${variants.map((v) => `<li>${renderSchema(v, locale, depth + 1) || `<code>${escape(typeLabel(v))}</code>`}</li>`).join('')}</ul>`
  }
  if (s.type === 'array' && s.items && (s.items as JsonSchema).type === 'object') return renderSchema(s.items as JsonSchema, locale, depth)
  const properties = s.properties as Record<string, JsonSchema> | undefined
  if (!properties) return ''
  const required = new Set((s.required ?? []) as string[])
  const rows = Object.entries(properties).map(([name, p]) => {
    const nested = renderSchema(p, locale, depth + 1)

    return `<tr><td><code>${escape(name)}</code>${required.has(name) ? ` <span class="req">${LABELS.required[locale]}</span>` : ''}</td>` +
      `<td><code>${escape(typeLabel(p))}</code></td><td>${p.description ? prose(String(p.description)) : ''}` +
      `${constraints(p) ? ` <span class="muted">${escape(constraints(p))}</span>` : ''}${nested}</td></tr>`
  })

  return `<table class="schema"><tbody>${rows.join('')}</tbody></table>`
}

type Op = OpenApiDocument['paths'][string][string]

function renderOperation(method: string, path: string, op: Op, locale: Locale): string {
  const params = op.parameters as { name: string; in: string; required: boolean; schema: JsonSchema; description?: string }[]
  const body = (op.requestBody?.content as Record<string, { schema: JsonSchema }> | undefined)?.['application/json']?.schema
  const paramRows = params
    .map((p) => `<tr><td><code>${escape(p.name)}</code>${p.required ? ` <span class="req">${LABELS.required[locale]}</span>` : ''}</td>` +
      `<td>${escape(p.in)}</td><td><code>${escape(typeLabel(p.schema))}</code></td><td>${p.description ? prose(p.description) : ''}</td></tr>`)
    .join('')
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const content = r.content as Record<string, { schema: JsonSchema }> | undefined
      const schema = content ? Object.values(content)[0]?.schema : undefined
      const shown = schema && !schema.$ref ? `<code>${escape(typeLabel(schema))}</code>${renderSchema(schema, locale)}` : ''

      return `<li><b>${escape(status)}</b> ${prose(String(r.description ?? ''))} ${shown}</li>`
    })
    .join('')
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-')

  return `<section class="op" id="${escape(id)}"><h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>` +
    `<p>${prose(op.summary)}</p>${op.description ? `<p>${prose(op.description)}</p>` : ''}` +
    `<p class="muted">${LABELS.access[locale]}: <code>${escape(op['x-access'])}</code></p>` +
    (paramRows ? `<h4>${LABELS.params[locale]}</h4><table class="params"><tbody>${paramRows}</tbody></table>` : '') +
    (body ? `<h4>${LABELS.body[locale]}</h4>${renderSchema(body, locale) || `<code>${escape(typeLabel(body))}</code>`}` : '') +
    `<h4>${LABELS.responses[locale]}</h4><ul>${responses}</ul></section>`
}

/** The API reference as one self-contained HTML page (no scripts, no CDN), grouped by tag. */
export function renderDocsPage(spec: OpenApiDocument, locale: Locale, specUrl: string): string {
  const byTag = new Map<string, string[]>()
  const toc = new Map<string, number>()
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'Other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op, locale)])
      toc.set(tag, (toc.get(tag) ?? 0) + 1)
    }
  }
  const tags = [...byTag.keys()].sort()
  const slug = (t: string) => `tag-${t.replace(/[^A-Za-z0-9]+/g, '-')}`

  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${LABELS.title[locale]}</title><style>
body{font:15px/1.55 system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;margin:0;color:#1b1f24;background:#fafafa}
header{background:#1f3a5f;color:#fff;padding:16px 24px}header a{color:#cfe3ff}
main{display:grid;grid-template-columns:220px 1fr;gap:24px;padding:24px;max-width:1200px;margin:auto}
nav ul{list-style:none;padding:0}nav a{text-decoration:none;color:#1f3a5f}
.op{background:#fff;border:1px solid #dde;border-radius:8px;padding:12px 16px;margin:12px 0}
.method{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:2px 6px}
.get{background:#2b7a3d}.post{background:#1f5fbf}.patch{background:#a66a00}.put{background:#7a4bbf}.delete{background:#b3261e}
table{border-collapse:collapse;width:100%;margin:4px 0}td{border-top:1px solid #eee;padding:4px 6px;vertical-align:top}
.schema .schema{margin-left:8px}.req{color:#b3261e;font-size:12px}.muted{color:#667}code{font-size:13px}
@media (max-width:800px){main{grid-template-columns:1fr}}
</style></head><body><header><h1>${LABELS.title[locale]}</h1><p>${prose(spec.info.description)}</p>
<p>${LABELS.spec[locale]}: <a href="${escape(specUrl)}">${escape(specUrl)}</a></p></header>
<main><nav aria-label="${LABELS.contents[locale]}"><ul>${tags.map((t) => `<li><a href="#${slug(t)}">${escape(t)}</a> <span class="muted">${toc.get(t)}</span></li>`).join('')}</ul></nav>
<div>${tags.map((t) => `<h2 id="${slug(t)}">${escape(t)} <span class="muted">(${toc.get(t)} ${LABELS.endpoints[locale]})</span></h2>${byTag.get(t)!.join('')}`).join('')}</div></main></body></html>`
}
