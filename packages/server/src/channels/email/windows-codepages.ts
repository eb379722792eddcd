const NAMED_CODEPAGES = new Map<number, string>([
  [65001, 'utf-8'], [932, 'cp932'], [936, 'gbk'], [949, 'cp949'], [950, 'big5'], [20127, 'us-ascii'], [20866, 'koi8-r'],
  [21866, 'koi8-u'], [50220, 'iso-2022-jp'], [50221, 'iso-2022-jp'], [50222, 'iso-2022-jp'], [51932, 'euc-jp'], [20932, 'euc-jp'], [54936, 'gb18030'],
])

/** Windows code page number → a name iconv-lite and charsets.ts know. */
export function charsetOfCodepage(codepage: number): string {
  const named = NAMED_CODEPAGES.get(codepage)
  if (named) return named
  if (codepage >= 28591 && codepage <= 28606) return `iso-8859-${codepage - 28590}`
  if (codepage === 874 || (codepage >= 1250 && codepage <= 1258)) return `windows-${codepage}`
  if (codepage > 0 && codepage < 1000) return `cp${codepage}`

  return 'windows-1252'
}
