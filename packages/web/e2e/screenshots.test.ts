import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createCustomer, launchBrowser, newContext, screenshot, signIn, startServer } from './harness.ts'

// Writes docs/screenshots/{inbox,ticket}.png for the README. Only on request
// (`npm run screenshots -w @madoguchi/web`): a normal test run leaves the tree clean.
const wanted = process.env.MADOGUCHI_SCREENSHOTS === '1'

let server: E2EServer
let browser: Browser
let mainTicket: { id: string }

async function ticket(fields: Record<string, unknown>): Promise<{ id: string; number: number }> {
  return server.api(server.account.agent, 'POST', '/api/v1/tickets', { message: { body: '（本文）' }, ...fields })
}

describe.runIf(wanted)('README screenshots', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    const { agent, teamId } = server.account
    // SLA targets, so the list and the ticket show their badges and "due in".
    await server.api(server.account.admin, 'POST', '/api/v1/sla-policies', { name: '急ぎ', conditions: { priorities: ['urgent', 'high'] }, firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 480 })
    await server.api(server.account.admin, 'POST', '/api/v1/sla-policies', { name: '標準', firstResponseMinutes: 240, nextResponseMinutes: 480, resolutionMinutes: 2880, position: 1 })
    const suzuki = await createCustomer(server, {
      displayName: '鈴木 一郎', familyName: '鈴木', givenName: '一郎', familyNameKana: 'すずき', givenNameKana: 'いちろう',
      preferredName: '鈴木様', language: 'ja', isVip: true, vipReason: '法人契約（年間保守）の窓口ご担当',
      handleWithCare: true, careReason: '前回の配送遅延で強いご不満あり。返信前に上長確認をお願いします。',
      birthday: `1979-${new Date(Date.now() + 5 * 86_400_000).toISOString().slice(5, 10)}`, lifetimeValue: 1_284_000,
      contacts: [{ kind: 'email', value: 'ichiro.suzuki@example.co.jp', verifiedAt: '2026-10-02T01:00:00.000Z' }, { kind: 'phone', value: '03-1234-5678' }],
    })
    await ticket({ subject: '保守契約の更新について', customer: { id: suzuki.id }, channel: 'phone', category: 'application' })
    await ticket({ subject: 'Refund not received for order A-1042', customer: { email: 'emily.carter@example.com', name: 'Emily Carter', language: 'en' }, channel: 'email', priority: 'urgent', category: 'refund', message: { body: 'I returned the item two weeks ago and have not received my refund yet.' } })
    await ticket({ subject: '定期便のお届け日を変更したい', customer: { phone: '090-2222-3333', name: '田中 美由紀' }, channel: 'line', category: 'order', assigneeId: agent.id, teamId })
    await ticket({ subject: '請求書の宛名を変更してください', customer: { email: 'keiri@yamamoto-shoji.example.jp', name: '山本商事 経理部' }, channel: 'web_form', category: 'billing', priority: 'low' })
    await ticket({ subject: 'アプリにログインできません', customer: { email: 'kenta.ito@example.jp', name: '伊藤 健太' }, channel: 'chat', category: 'technical', priority: 'high', assigneeId: agent.id })
    await ticket({ subject: '店頭で購入した商品の返品', customer: { phone: '080-4444-5555', name: '渡辺 さくら' }, channel: 'walk_in', category: 'return', teamId })
    mainTicket = await ticket({
      subject: '届いた花瓶が割れていました', customer: { id: suzuki.id }, channel: 'email', priority: 'high', category: 'complaint',
      tags: ['破損', '交換'], assigneeId: agent.id, teamId,
      message: { body: 'いつもお世話になっております。\n本日届いた花瓶が割れておりました。至急、交換をお願いできますでしょうか。\n\n鈴木' },
    })
    await server.api(agent, 'POST', `/api/v1/tickets/${mainTicket.id}/messages`, { kind: 'note', body: '倉庫に在庫あり（2点）。上長（田中さん）確認済み、明日午前に発送します。' })
    await server.api(agent, 'POST', `/api/v1/tickets/${mainTicket.id}/messages`, { kind: 'reply', body: '鈴木様\n\nこのたびはご迷惑をおかけし、誠に申し訳ございません。\n交換品を明日午前中に発送いたします。到着まで今しばらくお待ちください。' })
    await server.api(agent, 'PATCH', `/api/v1/tickets/${mainTicket.id}`, { status: 'pending' })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('inbox', async () => {
    const page = await (await newContext(browser, server)).newPage()
    await signIn(page, server.account.agent.email, server.password)
    await page.goto('/inbox/all')
    await page.locator('.ticket-row').nth(6).waitFor()
    await page.keyboard.press('j')
    await page.waitForTimeout(300)
    await screenshot(page, 'inbox')
  })

  it('ticket', async () => {
    const watcher = await (await newContext(browser, server)).newPage()
    await signIn(watcher, server.account.supervisor.email, server.password)
    await watcher.goto(`/tickets/${mainTicket.id}`)
    const page = await (await newContext(browser, server)).newPage()
    await signIn(page, server.account.agent.email, server.password)
    await page.goto(`/tickets/${mainTicket.id}`)
    await page.getByTestId('presence').waitFor()
    await page.getByTestId('customer-timeline').waitFor()
    await page.waitForTimeout(300)
    await screenshot(page, 'ticket')
  })
})
