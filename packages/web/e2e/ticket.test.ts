import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createCustomer, createTicket, launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
let ticket: { id: string; number: number }
let customer: { id: string; crn: string }
const pageErrors: string[] = []

interface Message { id: string; kind: string; body: string; deliveryStatus: string | null }
const messagesOf = async (id: string) => (await server.api<{ items: Message[] }>(server.account.agent, 'GET', `/api/v1/tickets/${id}/messages`)).items

/** A month-day `days` from today in Tokyo, in a past year (a birthday). */
function birthdayIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000)

  return `1985-${date.toISOString().slice(5, 10)}`
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  customer = await createCustomer(server, {
    displayName: '鈴木 一郎', familyName: '鈴木', givenName: '一郎', familyNameKana: 'すずき', givenNameKana: 'いちろう',
    preferredName: '鈴木様', language: 'ja', isVip: true, vipReason: '法人契約の窓口担当者',
    handleWithCare: true, careReason: '前回の対応で強いご不満あり。必ず上長確認のうえ返信すること。',
    birthday: birthdayIn(3), lifetimeValue: 1_280_000,
    contacts: [{ kind: 'email', value: 'ichiro.suzuki@example.jp' }, { kind: 'phone', value: '090-1234-5678' }],
  })
  await createTicket(server, { subject: '以前の問い合わせ: 請求書の再発行', customer: { id: customer.id }, channel: 'phone', category: 'billing' })
  ticket = await createTicket(server, {
    subject: '届いた商品が破損していました', customer: { id: customer.id }, priority: 'high', category: 'complaint', tags: ['破損', '返品'],
    message: { body: '昨日届いた花瓶が割れていました。交換をお願いします。' },
  })
  const context = await newContext(browser, server)
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await signIn(page, server.account.agent.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('ticket page', () => {
  it('shows the caution banner with its reason, and the customer 360', async () => {
    await page.goto(`/tickets/${ticket.id}`)
    const banner = page.getByTestId('care-banner')
    await banner.waitFor()
    await expect.poll(() => banner.textContent()).toContain('必ず上長確認のうえ返信すること')
    expect(await banner.textContent()).toContain('法人契約の窓口担当者')
    expect(await banner.locator('[role=alert]').count()).toBe(1)
    const panel = page.getByTestId('customer-panel')
    expect(await panel.getByTestId('customer-crn').textContent()).toBe(customer.crn)
    expect(await panel.textContent()).toContain('すずき いちろう')
    expect(await panel.textContent()).toContain('鈴木様')
    expect(await panel.textContent()).toContain('+819012345678')
    expect(await panel.getByTestId('near-birthday').textContent()).toContain('あと 3 日')
    await panel.getByTestId('customer-timeline').getByText('以前の問い合わせ').waitFor()
  })

  it('sends a reply with Ctrl+Enter, shown as outbound', async () => {
    const composer = page.getByTestId('composer')
    await composer.fill('鈴木様\nご迷惑をおかけし申し訳ございません。交換品を手配いたします。')
    await composer.press('Control+Enter')
    await page.locator('[data-kind=outbound]').filter({ hasText: '交換品を手配いたします' }).waitFor()
    expect(await composer.inputValue()).toBe('')
    const sent = (await messagesOf(ticket.id)).filter((m) => m.body.includes('交換品を手配'))
    expect(sent.map((m) => m.kind)).toEqual(['outbound'])
  })

  it('adds an internal note that is labelled as such and never goes out', async () => {
    await page.locator('h1').click()
    await page.keyboard.press('n')
    const composer = page.getByTestId('composer')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer')
    await composer.fill('倉庫に在庫確認済み。明日発送予定。')
    await page.getByRole('button', { name: 'メモを追加' }).click()
    const note = page.locator('[data-kind=note]').filter({ hasText: '倉庫に在庫確認済み' })
    await note.waitFor()
    expect(await note.textContent()).toContain('お客様には送信されていません')
    expect(await page.locator('[data-kind=outbound]').filter({ hasText: '倉庫に在庫確認済み' }).count()).toBe(0)
    const stored = (await messagesOf(ticket.id)).filter((m) => m.body.includes('倉庫に在庫確認済み'))
    expect(stored.map((m) => [m.kind, m.deliveryStatus])).toEqual([['note', null]])
  })

  it('does not send while an IME is composing', async () => {
    await page.goto(`/tickets/${ticket.id}`)
    await page.getByRole('tab', { name: 'お客様へ返信' }).click()
    const composer = page.getByTestId('composer')
    await composer.fill('')
    await composer.focus()
    const before = (await messagesOf(ticket.id)).length
    const cdp = await page.context().newCDPSession(page)
    // Typing "へんしん" with a Japanese IME: the composition is open...
    await cdp.send('Input.imeSetComposition', { text: 'へんしん', selectionStart: 4, selectionEnd: 4 })
    // ...and the Enter that confirms it arrives as keyCode 229, with Ctrl held or not.
    for (const modifiers of [0, 2]) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, modifiers })
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, modifiers })
    }
    await cdp.send('Input.insertText', { text: '返信' })
    // A browser that reports isComposing on the keydown itself (Chrome, Firefox).
    await composer.evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true, bubbles: true, cancelable: true }))
    })
    await page.waitForTimeout(500)
    expect((await messagesOf(ticket.id)).length).toBe(before)
    expect(await composer.inputValue()).toContain('返信')
    // Once the conversion is done, Ctrl+Enter does send.
    await composer.press('Control+Enter')
    await expect.poll(async () => (await messagesOf(ticket.id)).length).toBe(before + 1)
  })

  it('keeps a draft across a reload', async () => {
    const composer = page.getByTestId('composer')
    await composer.fill('下書き: 返金の可否を確認中です')
    await page.reload()
    await expect.poll(() => page.getByTestId('composer').inputValue()).toBe('下書き: 返金の可否を確認中です')
  })

  it('keeps what is typed while a reply is still being sent', async () => {
    // The flaky pair ("keeps a draft", "who is replying") came from this: a reply
    // answered after the agent had typed again wiped the new draft.
    const composer = page.getByTestId('composer')
    const draft = await composer.inputValue()
    await composer.fill('在庫を確認しました。')
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const url = `**/api/v1/tickets/${ticket.id}/messages`
    await page.route(url, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      const response = await route.fetch()
      await held
      await route.fulfill({ response })
    })
    await composer.press('Control+Enter')
    await expect.poll(async () => (await messagesOf(ticket.id)).some((m) => m.body === '在庫を確認しました。'), { timeout: 10_000 }).toBe(true)
    await composer.fill(draft)
    const answered = page.waitForResponse((r) => r.url().endsWith('/messages') && r.request().method() === 'POST')
    release()
    await answered
    await page.getByRole('button', { name: '送信中…' }).waitFor({ state: 'detached' })
    await page.unroute(url)
    expect(await composer.inputValue()).toBe(draft)
    await page.reload()
    await expect.poll(() => page.getByTestId('composer').inputValue(), { timeout: 10_000 }).toBe(draft)
  })

  it('changes status inline and logs it in the thread', async () => {
    await page.getByTestId('field-status').selectOption('pending')
    await expect.poll(async () => (await server.api<{ status: string }>(server.account.agent, 'GET', `/api/v1/tickets/${ticket.id}`)).status).toBe('pending')
    await page.getByTestId('event').filter({ hasText: '返答待ち' }).waitFor()
  })

  it('shows who else is viewing and replying', async () => {
    const other = await (await newContext(browser, server)).newPage()
    await signIn(other, server.account.supervisor.email, server.password)
    await other.goto(`/tickets/${ticket.id}`)
    await page.getByTestId('presence').filter({ hasText: 'Tanaka Ken' }).waitFor()
    // This page holds a reply draft, so the supervisor sees "replying".
    await other.getByTestId('presence').filter({ hasText: `${server.names.agent}さんが返信を作成中です` }).waitFor()
    await other.close()
    await expect.poll(() => page.getByTestId('presence').count()).toBe(0)
  })

  it('has no serious or critical accessibility violations', async () => {
    await page.goto(`/tickets/${ticket.id}`)
    await page.locator('[data-kind=note]').first().waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
