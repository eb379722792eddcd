/** A plain fixed-width table for the terminal, and the same rows as Markdown for the docs. */
export interface Row {
  benchmark: string
  dialect: string
  figure: string
  baseline: string
  ratio: string
  target: string
  verdict: '' | 'ok' | 'MISSED'
}

const COLUMNS: Array<keyof Row> = ['benchmark', 'dialect', 'figure', 'baseline', 'ratio', 'target', 'verdict']

function width(text: string): number {
  // East Asian wide characters take two terminal columns.
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1

  return w
}

export function formatTable(rows: Row[]): string {
  const widths = COLUMNS.map((c) => Math.max(width(c), ...rows.map((r) => width(r[c]))))
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell))).join('  ')

  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(COLUMNS.map((c) => r[c])))].join('\n')
}

export function formatMarkdown(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|')

  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${COLUMNS.map((c) => esc(r[c])).join(' | ')} |`),
  ].join('\n')
}

export const fmt = {
  rate: (perSec: number) => `${Math.round(perSec).toLocaleString('en-US')}/s`,
  ms: (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`,
  ratio: (x: number) => (x >= 0.1 ? x.toFixed(2) : x.toFixed(3)),
}
