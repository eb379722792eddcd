/** `plan=gold` pairs as custom fields (text values, as a form would send them); pairs without `=` are skipped. */
export function customFieldsOf(pairs: string[]): Record<string, string> {
  return Object.fromEntries(pairs.filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()]))
}
