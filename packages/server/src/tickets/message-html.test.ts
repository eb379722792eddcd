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

  it('keeps http(s) images only when remote images are allowed, and nothing else that was removed', () => {
    const html = '<p>a<img src="https://shop.example/logo.png" alt="logo"><img src="http://shop.example/t.gif"><img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)"></p>'
    expect(sanitizeMessageHtml(html)).toBe('<p>a</p>')
    expect(sanitizeMessageHtml(html, { remoteImages: true })).toBe('<p>a<img src="https://shop.example/logo.png" alt="logo" /><img src="http://shop.example/t.gif" /></p>')
    expect(sanitizeMessageHtml(`<img src="${OWN}">`, { remoteImages: true })).toBe(`<img src="${OWN}" />`)
  })

  it('returns null when nothing is left', () => {
    expect(sanitizeMessageHtml('<script>x</script>')).toBeNull()
    expect(sanitizeMessageHtml('   ')).toBeNull()
  })
})
