import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
let ticketId = ''
const pageErrors: string[] = []

/** 1×1 PNG, sent inline (cid:) in the mail. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** A customer's HTML reply: new text, an inline logo, a script and a tracker (both must go), the quoted history, a signature. */
function htmlReply(): string {
  const text = 'お世話になっております。\n返品の件、承知しました。\n\n--\n山田 太郎\n\n2026年11月26日(木) 10:00 窓口 <support@shop.example>:\n> ご注文ありがとうございます。\n'
  const html = '<div>お世話になっております。<br>返品の件、<b>承知しました</b>。<img src="cid:logo@shop" alt="ロゴ"></div>'
    + '<script>document.title="pwned"</script><img src="https://tracker.example/p.gif" onerror="parent.document.title=\'pwned\'">'
    + '<div>--<br>山田 太郎</div><blockquote>ご注文ありがとうございます。</blockquote>'

  return [
    'From: Yamada Taro <taro@example.jp>', 'To: support@shop.example', 'Subject: =?UTF-8?B?' + b64('Re: 返品について') + '?=',
    'Message-ID: <html-reply-e2e@example.jp>', 'Date: Fri, 27 Nov 2026 10:00:00 +0900', 'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="rel"', '',
    '--rel', 'Content-Type: multipart/alternative; boundary="alt"', '',
    '--alt', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', b64(text),
    '--alt', 'Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', b64(html),
    '--alt--',
    '--rel', 'Content-Type: image/png; name="logo.png"', 'Content-ID: <logo@shop>', 'Content-Disposition: inline; filename="logo.png"',
    'Content-Transfer-Encoding: base64', '', PNG,
    '--rel--', '',
  ].join('\r\n')
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const inbox = await server.api<{ id: string }>(server.account.admin, 'POST', '/api/v1/inboxes', { name: 'サポート', channel: 'email', addresses: ['support@shop.example'] })
  const response = await fetch(`${server.url}/api/v1/inboxes/${inbox.id}/raw-email`, {
    method: 'POST', headers: { ...server.account.admin.headers, 'content-type': 'message/rfc822' }, body: htmlReply(),
  })
  const result = (await response.json()) as { outcome: string; ticketId: string }
  expect(result.outcome).toBe('ticket_created')
  ticketId = result.ticketId
  page = await (await newContext(browser, server)).newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await signIn(page, server.account.agent.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('an HTML email in the thread', () => {
  it('opens on the new part, with the quoted history and signature folded', async () => {
    await page.goto(`/tickets/${ticketId}`)
    const message = page.locator('[data-kind=inbound]')
    const newPart = message.getByTestId('message-new-part')
    await newPart.waitFor()
    expect(await newPart.textContent()).toBe('お世話になっております。\n返品の件、承知しました。')
    expect(await message.textContent()).not.toContain('ご注文ありがとうございます')
    expect(await message.textContent()).toContain('引用部分と署名を折りたたんでいます')
  })

  it('shows the full message as sanitized HTML, with the inline image and without script or tracker', async () => {
    const toggle = page.getByRole('button', { name: 'メール全文を表示' })
    await toggle.click()
    expect(await page.getByRole('button', { name: '新しい部分だけ表示' }).getAttribute('aria-expanded')).toBe('true')
    // Locators reach into the shadow root that holds the mail.
    const mail = page.getByTestId('message-html')
    await mail.locator('blockquote').filter({ hasText: 'ご注文ありがとうございます' }).waitFor()
    expect(await mail.locator('b').textContent()).toBe('承知しました')
    expect(await mail.evaluate((host) => host.shadowRoot?.querySelectorAll('script, [onerror], img[src*="tracker"]').length)).toBe(0)
    const logo = mail.locator('img[alt="ロゴ"]')
    expect(await logo.getAttribute('src')).toMatch(/^\/api\/v1\/attachments\/[0-9a-f-]{36}\?inline=1$/)
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(1)
    // The mail's formatting stays inside: the app's own headings and layout are untouched.
    expect(await page.title()).not.toBe('pwned')
  })

  it('offers the original message as a download', async () => {
    const link = page.getByRole('link', { name: '元のメールをダウンロード (.eml)' })
    const href = await link.getAttribute('href')
    expect(href).toMatch(/^\/api\/v1\/raw-emails\//)
    const original = await page.evaluate(async (url) => {
      const response = await fetch(url)

      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() }
    }, href!)
    expect(original.status).toBe(200)
    expect(original.type).toBe('message/rfc822')
    expect(original.text).toContain('Message-ID: <html-reply-e2e@example.jp>')
  })

  it('says plainly when an email could not be read completely (broken MIME), keeping what it could', async () => {
    const inbox = (await server.api<{ items: Array<{ id: string }> }>(server.account.admin, 'GET', '/api/v1/inboxes')).items[0]!
    const broken = [
      'From: Sato <sato@example.jp>', 'To: support@shop.example', 'Subject: =?UTF-8?B?' + b64('途中で切れたメール') + '?=',
      'Message-ID: <broken-e2e@example.jp>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="cut"', '',
      '--cut', 'Content-Type: text/plain; charset=UTF-8', '', '請求書が届いていません。', '',
    ].join('\r\n')
    const response = await fetch(`${server.url}/api/v1/inboxes/${inbox.id}/raw-email`, {
      method: 'POST', headers: { ...server.account.admin.headers, 'content-type': 'message/rfc822' }, body: broken,
    })
    const stored = (await response.json()) as { outcome: string; ticketId: string }
    expect(stored.outcome).toBe('ticket_created')
    await page.goto(`/tickets/${stored.ticketId}`)
    const notes = page.getByTestId('parse-warnings')
    await notes.waitFor()
    expect(await page.locator('[data-kind=inbound]').textContent()).toContain('請求書が届いていません。')
    await notes.locator('summary').click()
    expect(await notes.textContent()).toContain('マルチパートの区切りが閉じていません')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.goto(`/tickets/${ticketId}`)
    await page.getByTestId('message-new-part').waitFor()
    // A well-formed mail carries no such notice.
    expect(await page.getByTestId('parse-warnings').count()).toBe(0)
  })

  it('folds again, and has no serious or critical accessibility violations', async () => {
    await page.getByRole('button', { name: 'メール全文を表示' }).click()
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByRole('button', { name: '新しい部分だけ表示' }).click()
    await page.getByTestId('message-new-part').waitFor()
    expect(await page.getByTestId('message-html').count()).toBe(0)
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
