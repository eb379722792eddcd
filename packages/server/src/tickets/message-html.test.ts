import { describe, expect, it } from 'vitest'
import { sanitizeMessageHtml } from './message-html.ts'

const OWN = '/api/v1/attachments/01a21cd4-cfbf-7000-b736-2a44757056b6?inline=1'

describe('sanitizeMessageHtml', () => {
  it.each([
    ['script', '<p>a<script>alert(1)</script></p>', '<p>a</p>'],
    ['event handler', '<p onclick="x()">a</p>', '<p>a</p>'],
    ['javascript link', '<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['remote image (tracking pixel)', 'a<img src="https://evil.example/t.gif">', 'a'],
    ['data image', 'a<img src="data:image/png;base64,AAAA">', 'a'],
    ['path trick', 'a<img src="/api/v1/attachments/../../admin">', 'a'],
    ['own inline attachment', `<img src="${OWN}" alt="図" onerror="x()">`, `<img src="${OWN}" alt="図" />`],
    ['style element', '<style>body{}</style>本文', '本文'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeMessageHtml(input)).toBe(expected)
  })

  it('returns null when nothing is left', () => {
    expect(sanitizeMessageHtml('<script>x</script>')).toBeNull()
    expect(sanitizeMessageHtml('   ')).toBeNull()
  })
})
