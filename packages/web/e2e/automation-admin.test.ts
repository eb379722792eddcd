import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createCustomer, createTicket, launchBrowser, newContext, screenshot, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
const pageErrors: string[] = []
/** The year the app shows first (the browser runs in Tokyo time). */
const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Tokyo' }).format(new Date()))

interface Ticket { id: string; number: number; tags: string[] }
interface Message { kind: string; body: string }

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  page = await (await newContext(browser, server)).newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  // A supervisor: every screen here is theirs (rules, SLA and routing need supervisor or admin).
  await signIn(page, server.account.supervisor.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openSection(name: string): Promise<void> {
  await page.getByRole('navigation', { name: '設定' }).getByRole('link', { name, exact: true }).click()
  await page.getByRole('heading', { level: 2, name }).waitFor()
}

describe('automation rules', () => {
  it('shows the server’s validation message beside the field', async () => {
    await page.getByRole('link', { name: '設定', exact: true }).click()
    await page.getByRole('heading', { level: 2, name: '自動化ルール' }).waitFor()
    await page.getByRole('button', { name: '新しいルール' }).click()
    const name = page.locator('form.rule-form').getByRole('textbox', { name: '名前' })
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true')
    // In the UI's language, beside the field (the summary above keeps only the sentence).
    expect(await page.locator('#rule-name-error').textContent()).toBe('入力が必要です（短すぎるか、小さすぎます）。')
    expect(await page.locator('#rule-actions-error').textContent()).toBe('入力が必要です（短すぎるか、小さすぎます）。')
    expect(await page.locator('form.rule-form [role=alert]').textContent()).toBe('入力内容に不足または誤りがあります。')
  })

  it('creates a rule that fires on a new ticket and explains it in the dry run', async () => {
    const form = page.locator('form.rule-form')
    await form.getByRole('textbox', { name: '名前' }).fill('返品タグ')
    await form.getByRole('button', { name: '条件を追加' }).click()
    await form.getByRole('combobox', { name: /^条件1/ }).selectOption({ label: 'テキストを含む' })
    await form.getByLabel('件名または最新の顧客メッセージに含む文字列').fill('返品')
    await form.getByRole('button', { name: '操作を追加' }).click()
    await form.getByRole('combobox', { name: /^操作1/ }).selectOption({ label: 'タグを追加' })
    await form.getByLabel('タグ（カンマ区切り）').fill('returns-auto, 要確認')
    await form.getByRole('button', { name: '保存', exact: true }).click()
    const row = page.getByTestId('rule-row').filter({ hasText: '返品タグ' })
    await row.waitFor()
    expect(await row.textContent()).toContain('テキストに「返品」を含む')

    const ticket = await createTicket(server, { subject: '返品したい: サイズ違い' })
    const after = await server.api<Ticket>(server.account.supervisor, 'GET', `/api/v1/tickets/${ticket.id}`)
    expect(after.tags).toEqual(expect.arrayContaining(['returns-auto', '要確認']))
    const other = await createTicket(server, { subject: '配送日の変更' })
    expect((await server.api<Ticket>(server.account.supervisor, 'GET', `/api/v1/tickets/${other.id}`)).tags).not.toContain('returns-auto')

    const panel = page.locator('section.dry-run')
    await panel.getByLabel('チケット番号またはID').fill(`#${ticket.number}`)
    await panel.getByRole('button', { name: 'ドライランを実行' }).click()
    const result = page.getByTestId('dry-run-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('1件中1件のルールが実行されます')
    const fired = result.locator('li.fires', { hasText: '返品タグ' })
    expect(await fired.textContent()).toContain('実行される')
    expect(await fired.textContent()).toContain('タグ returns-auto, 要確認 を追加')

    await panel.getByLabel('ここで指定するチケット').check()
    await panel.getByLabel('件名').fill('請求書の再発行')
    await panel.getByRole('button', { name: 'ドライランを実行' }).click()
    await expect.poll(async () => result.textContent()).toContain('1件中0件のルールが実行されます')
    expect(await result.locator('li.skips').textContent()).toContain('実行されない')
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'settings-automation')
  })

  it('disables a rule from the list', async () => {
    const row = page.getByTestId('rule-row').filter({ hasText: '返品タグ' })
    await row.getByLabel('ルール「返品タグ」を有効にする').uncheck()
    await expect.poll(async () => (await server.api<{ items: { name: string; active: boolean }[] }>(server.account.supervisor, 'GET', '/api/v1/automation/rules')).items[0]?.active).toBe(false)
    const ticket = await createTicket(server, { subject: '返品の相談' })
    expect((await server.api<Ticket>(server.account.supervisor, 'GET', `/api/v1/tickets/${ticket.id}`)).tags).not.toContain('returns-auto')
  })
})

describe('rule order', () => {
  it('moves a rule down with the keyboard, keeping the focus on it', async () => {
    await server.api(server.account.supervisor, 'POST', '/api/v1/automation/rules', {
      name: 'VIPは緊急', kind: 'trigger', event: 'ticket.created', position: 500, conditions: [{ type: 'customer', flag: 'vip', value: true }], actions: [{ type: 'set_priority', value: 'urgent' }],
    })
    await page.reload()
    const rows = page.getByTestId('rule-row')
    await expect.poll(() => rows.count()).toBe(2)
    const down = page.getByRole('button', { name: '「返品タグ」を下へ' })
    await down.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => rows.first().textContent()).toContain('VIPは緊急')
    expect(await down.evaluate((el) => el === document.activeElement)).toBe(true)
    const order = await server.api<{ items: { name: string; position: number }[] }>(server.account.supervisor, 'GET', '/api/v1/automation/rules')
    expect(order.items.map((r) => [r.name, r.position])).toEqual([['VIPは緊急', 10], ['返品タグ', 20]])
  })
})

describe('macros', () => {
  it('creates a shared macro with placeholders from the picker', async () => {
    await openSection('マクロ')
    await page.getByRole('button', { name: '新しいマクロ' }).click()
    await page.getByLabel('名前', { exact: true }).fill('お届け確認')
    await page.getByLabel('全員で共有').check()
    const ja = page.getByRole('textbox', { name: '日本語の文面' })
    await ja.fill('{{customer.preferred_name}}\nお問い合わせありがとうございます。お客様番号: ')
    await page.getByRole('combobox', { name: /^プレースホルダー/ }).selectOption('customer.crn')
    await page.getByRole('button', { name: 'プレースホルダーを挿入' }).click()
    await expect.poll(() => ja.inputValue()).toContain('お客様番号: {{customer.crn}}')
    await page.getByRole('textbox', { name: '英語の文面' }).fill('Dear {{customer.preferred_name}}, your reference is {{customer.crn}}.')
    const changes = page.getByRole('group', { name: 'チケットの変更' })
    await changes.getByRole('button', { name: '操作を追加' }).click()
    await changes.getByRole('combobox', { name: /^ステータス/ }).selectOption('pending')
    await changes.getByRole('button', { name: '操作を追加' }).click()
    await changes.getByRole('combobox', { name: /^操作2/ }).selectOption('add_tags')
    await changes.getByRole('textbox', { name: 'タグ（カンマ区切り）' }).fill('お届け確認')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByRole('cell', { name: 'お届け確認', exact: true }).waitFor()
    expect(await page.getByRole('button', { name: '新しいマクロ' }).evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('inserts the macro filled for the ticket into the reply, for editing, and sends only on Send', async () => {
    const customer = await createCustomer(server, {
      displayName: '山本 美咲', familyName: '山本', givenName: '美咲', preferredName: '山本様', language: 'ja',
      // A new address per attempt: a retried test must not meet the customer its first attempt made.
      contacts: [{ kind: 'email', value: `misaki.yamamoto+${Date.now()}@example.jp` }],
    })
    const ticket = await createTicket(server, { subject: '商品の到着予定', customer: { id: customer.id } })
    await page.goto(`/tickets/${ticket.id}`)
    // Keyboard: Esc closes the picker, back on its button, still on the ticket.
    const toggle = page.getByRole('button', { name: 'マクロを挿入' })
    await toggle.click()
    await page.getByRole('combobox', { name: /^マクロ/ }).focus()
    await page.keyboard.press('Escape')
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ticket.id}`)
    await toggle.press('Enter')
    await page.getByRole('combobox', { name: /^マクロ/ }).selectOption({ label: 'お届け確認' })
    const preview = page.getByTestId('macro-preview')
    await expect.poll(() => preview.textContent()).toContain(customer.crn)
    expect(await preview.textContent()).toContain('山本様')
    const changes = page.getByTestId('macro-actions')
    expect(await changes.textContent()).toContain('ステータスを「返答待ち」に設定')
    expect(await changes.textContent()).toContain('タグ お届け確認 を追加')
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'macro-picker')
    // Nothing changed by looking: the changes wait for the agent.
    expect((await server.api<Ticket & { status: string }>(server.account.supervisor, 'GET', `/api/v1/tickets/${ticket.id}`)).status).not.toBe('pending')
    await page.getByRole('button', { name: '挿入して変更を適用' }).click()

    const composer = page.getByTestId('composer')
    await expect.poll(() => composer.inputValue()).not.toBe('')
    const inserted = await composer.inputValue()
    expect(inserted).toBe(`山本様\nお問い合わせありがとうございます。お客様番号: ${customer.crn}`)
    // Inserting sent nothing.
    const before = await server.api<{ items: Message[] }>(server.account.supervisor, 'GET', `/api/v1/tickets/${ticket.id}/messages`)
    expect(before.items.filter((m) => m.kind === 'reply' || m.kind === 'outbound')).toHaveLength(0)

    const changed = await server.api<Ticket & { status: string }>(server.account.supervisor, 'GET', `/api/v1/tickets/${ticket.id}`)
    expect(changed.status).toBe('pending')
    expect(changed.tags).toContain('お届け確認')

    await composer.fill(`${inserted}\n明日のお届けを予定しております。`)
    await page.getByRole('button', { name: '返信を送信' }).click()
    await expect.poll(() => composer.inputValue()).toBe('')
    const after = await server.api<{ items: Message[] }>(server.account.supervisor, 'GET', `/api/v1/tickets/${ticket.id}/messages`)
    const sent = after.items.find((m) => m.body.includes(customer.crn))
    expect(sent?.body).toContain('山本様')
    expect(sent?.body).toContain('明日のお届けを予定しております。')
  })
})

describe('business calendars, SLA policies and routing', () => {
  it('adds a closure and shows it, named in the UI language, in the year view', async () => {
    await page.getByRole('link', { name: '設定', exact: true }).click()
    await openSection('営業カレンダー')
    await page.getByRole('button', { name: '新しいカレンダー' }).click()
    await page.getByLabel('名前', { exact: true }).fill('本社カレンダー')
    await page.getByRole('button', { name: '休業日を追加' }).click()
    await page.getByLabel('開始', { exact: true }).fill(`${year}-08-14`)
    await page.getByLabel('終了', { exact: true }).fill(`${year}-08-14`)
    await page.getByLabel('名称（日本語）').fill('夏季休業')
    await page.getByLabel('名称（英語）').fill('Summer closure')
    await page.getByRole('button', { name: '保存', exact: true }).click()

    const days = page.getByTestId('closed-days')
    await expect.poll(() => days.textContent(), { timeout: 10_000 }).toContain('夏季休業')
    expect(await days.textContent()).toContain('元日')
    expect(await page.locator(`td.closed-day[title="夏季休業"]`).count()).toBe(1)
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'settings-calendar')

    await page.getByTestId('language-switch').selectOption('en')
    await expect.poll(() => days.textContent()).toContain('Summer closure')
    expect(await days.textContent()).not.toContain('夏季休業')
    await page.getByTestId('language-switch').selectOption('ja')
    await expect.poll(() => days.textContent()).toContain('夏季休業')

    // A special opening day on a national holiday (文化の日, 11-03) shows as open.
    await page.getByRole('button', { name: '「本社カレンダー」を編集' }).click()
    await page.getByRole('button', { name: '臨時営業日を追加' }).click()
    await page.getByLabel('日付', { exact: true }).fill(`${year}-11-03`)
    await page.getByLabel('開始時刻').fill('10:00')
    await page.getByLabel('終了時刻').fill('15:00')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.locator('td.open-day').count()).toBe(1)
    // …and is no longer among the closed days.
    await expect.poll(() => days.textContent()).not.toContain('文化の日')
    expect(await days.textContent()).toContain('勤労感謝の日')
  })

  it('creates an SLA policy on that calendar', async () => {
    await openSection('SLAポリシー')
    await page.getByRole('button', { name: '新しいSLAポリシー' }).click()
    await page.getByLabel('名前', { exact: true }).fill('VIP 緊急')
    await page.getByRole('combobox', { name: /^営業カレンダー/ }).selectOption({ label: '本社カレンダー' })
    await page.getByRole('group', { name: /優先度/ }).getByLabel('緊急').check()
    await page.getByRole('combobox', { name: /^VIP顧客/ }).selectOption('vip')
    await page.getByLabel('初回応答').fill('90')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByRole('button', { name: '保存', exact: true }).click()
    const row = page.getByRole('row').filter({ hasText: 'VIP 緊急' })
    await row.waitFor()
    expect(await row.textContent()).toContain('1時間30分')
    expect(await row.textContent()).toContain('本社カレンダー')
    const policies = await server.api<{ items: { name: string; conditions: unknown; firstResponseMinutes: number }[] }>(server.account.supervisor, 'GET', '/api/v1/sla-policies')
    expect(policies.items[0]).toMatchObject({ name: 'VIP 緊急', conditions: { priorities: ['urgent'], vip: true }, firstResponseMinutes: 90 })
  })

  it('sets a team’s routing mode and a category’s team', async () => {
    await openSection('振り分け')
    const team = page.getByRole('form', { name: 'サポート窓口の振り分け' })
    await team.getByRole('combobox', { name: /^方式/ }).selectOption('least_busy')
    await team.getByRole('button', { name: '段階を追加' }).click()
    await team.getByRole('combobox', { name: /^段階1：チーム/ }).selectOption({ label: 'サポート窓口' })
    await team.getByRole('combobox', { name: /^段階1：ティア/ }).selectOption('2')
    await team.getByRole('button', { name: '保存' }).click()
    await team.getByRole('status').waitFor()
    await page.getByRole('combobox', { name: /^返品/ }).selectOption({ label: 'サポート窓口' })
    await page.locator('form.card').last().getByRole('button', { name: '保存' }).click()
    await expect.poll(async () => (await server.api<{ routes: Record<string, string> }>(server.account.supervisor, 'GET', '/api/v1/routing/categories')).routes.return).toBe(server.account.teamId)
    const routing = await server.api<{ mode: string; escalationSteps: unknown[] }>(server.account.supervisor, 'GET', `/api/v1/teams/${server.account.teamId}/routing`)
    expect(routing.mode).toBe('least_busy')
    expect(routing.escalationSteps).toEqual([{ teamId: server.account.teamId, tier: 2 }])
    expect(await seriousA11yViolations(page)).toEqual([])
  })
})

describe('what an agent sees', () => {
  it('keeps personal macros and calendars, and says why rules are closed', async () => {
    const agentPage = await (await newContext(browser, server)).newPage()
    await signIn(agentPage, server.account.agent.email, server.password)
    await agentPage.getByRole('link', { name: '設定', exact: true }).click()
    const nav = agentPage.getByRole('navigation', { name: '設定' })
    await nav.getByRole('link', { name: 'マクロ' }).waitFor()
    expect(await nav.getByRole('link', { name: '自動化ルール' }).count()).toBe(0)
    await agentPage.getByRole('button', { name: '新しいマクロ' }).click()
    expect(await agentPage.getByLabel('全員で共有').isDisabled()).toBe(true)
    expect(await agentPage.getByText('共有マクロを作れるのはスーパーバイザーと管理者だけです').isVisible()).toBe(true)
    expect(await agentPage.getByText('共有：編集はスーパーバイザー').isVisible()).toBe(true)

    await agentPage.goto('/admin/automation')
    await agentPage.getByText('この設定を変更できるのはスーパーバイザーと管理者だけです。').waitFor()
    await agentPage.goto('/admin/calendars')
    await agentPage.getByText('変更できるのはスーパーバイザーと管理者だけです', { exact: false }).first().waitFor()
    expect(await agentPage.getByRole('button', { name: '新しいカレンダー' }).count()).toBe(0)
    await agentPage.close()
    expect(pageErrors).toEqual([])
  })
})
