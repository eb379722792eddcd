/**
 * Tiny HTML templating for the help center: every interpolated value is escaped
 * unless it is already `SafeHtml` (made by `html` itself or `trusted` for HTML
 * that was sanitized elsewhere), so forgetting to escape is not possible.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

type Value = string | number | SafeHtml | null | undefined | false | readonly Value[]

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')

  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!
  })

  return new SafeHtml(out)
}

/** HTML produced by a sanitizer (article bodies, search snippets): passed through as is. */
export function trusted(sanitized: string): SafeHtml {
  return new SafeHtml(sanitized)
}
