/** A plain fixed-width table for the terminal, and the same rows as Markdown for the docs. */
export interface Row {
  benchmark: string
  dialect: string
  figure: string
  /** Ratio to baseline A (bare Fastify over HTTP, same run). */
  vsHello: string
  /** Ratio to baseline B (raw INSERT loop on the same database, same run). */
  vsRawInsert: string
  target: string
  verdict: '' | 'ok' | 'MISSED'
}

const HEADERS: Record<keyof Row, string> = {
  benchmark: 'benchmark', dialect: 'db', figure: 'figure', vsHello: 'vs A (hello)', vsRawInsert: 'vs B (raw insert)', target: 'target', verdict: 'verdict',
}
const COLUMNS = Object.keys(HEADERS) as Array<keyof Row>

function width(text: string): number {
  // East Asian wide characters take two terminal columns.
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1

  return w
}

export function formatTable(rows: Row[]): string {
  const widths = COLUMNS.map((c) => Math.max(width(HEADERS[c]), ...rows.map((r) => width(r[c]))))
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell))).join('  ').trimEnd()

  return [line(COLUMNS.map((c) => HEADERS[c])), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(COLUMNS.map((c) => r[c])))].join('\n')
}

export function formatMarkdown(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|')

  return [
    `| ${COLUMNS.map((c) => HEADERS[c]).join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${COLUMNS.map((c) => esc(r[c])).join(' | ')} |`),
  ].join('\n')
}

export const fmt = {
  rate: (perSec: number) => `${Math.round(perSec).toLocaleString('en-US')}/s`,
  ms: (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`,
  ratio: (x: number) => (!Number.isFinite(x) ? '' : x >= 10 ? `${x.toFixed(1)}×` : x >= 0.1 ? `${x.toFixed(2)}×` : `${x.toFixed(3)}×`),
}

export function verdict(ok: boolean): Row['verdict'] {
  return ok ? 'ok' : 'MISSED'
}
