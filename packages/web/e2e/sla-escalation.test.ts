import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createTicket, launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

/**
 * Issue 7 in the agent app against a real server: SLA badges in the list and on
 * the ticket, the "Breaching next" view, escalating from the ticket page, the
 * supervisors' queue, and the notification bell. Policies run round the clock
 * (no business calendar), so due times are wall-clock minutes from creation.
 */
let server: E2EServer
let browser: Browser
let agent: Page
let supervisor: Page
type Ticket = { id: string; number: number }
let standard: Ticket
let urgent: Ticket
let later: Ticket
const pageErrors: string[] = []

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const sup = server.account.supervisor
  await server.api(sup, 'POST', '/api/v1/sla-policies', { name: '緊急', conditions: { priorities: ['urgent'] }, firstResponseMinutes: 30, resolutionMinutes: 240, position: 0 })
  await server.api(sup, 'POST', '/api/v1/sla-policies', { name: '標準', firstResponseMinutes: 240, resolutionMinutes: 1440, position: 1 })
  standard = await createTicket(server, { subject: '標準の問い合わせ', teamId: server.account.teamId })
  urgent = await createTicket(server, { subject: '至急：請求額の誤り', priority: 'urgent', teamId: server.account.teamId })
  later = await createTicket(server, { subject: '返金のご相談', category: 'refund', teamId: server.account.teamId })
  for (const [role, assign] of [['agent', (p: Page) => (agent = p)], ['supervisor', (p: Page) => (supervisor = p)]] as const) {
    const page = await (await newContext(browser, server)).newPage()
    page.on('pageerror', (error) => pageErrors.push(String(error)))
    await signIn(page, server.account[role].email, server.password)
    assign(page)
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const row = (page: Page, number: number) => page.locator(`.ticket-row[data-ticket-number="${number}"]`)

describe('SLA in lists and on tickets', () => {
  it('shows each ticket\'s running target and time left in the inbox list', async () => {
    await agent.goto('/inbox/all')
    const badge = row(agent, urgent.number).getByTestId('sla-badge')
    await badge.waitFor()
    // 30 minutes from creation, in Japanese: 「初回応答 · 残り30分」 (29 if a minute turned).
    await expect.poll(() => badge.textContent()).toMatch(/初回応答.*残り(29|30)分/)
    expect(await badge.getAttribute('data-state')).toBe('ok')
    expect(await row(agent, standard.number).getByTestId('sla-badge').textContent()).toMatch(/初回応答.*残り(3時間59分|4時間)/)
  })

  it('shows the SLA on the ticket page with every target', async () => {
    await agent.goto(`/tickets/${urgent.id}`)
    const summary = agent.getByTestId('ticket-sla').getByTestId('sla-badge')
    await summary.waitFor()
    expect(await summary.textContent()).toMatch(/初回応答.*残り(29|30)分/)
    const resolution = agent.getByTestId('sla-clock-resolution')
    expect(await resolution.textContent()).toMatch(/解決.*残り(3時間59分|4時間)/)
    expect(await resolution.textContent()).toContain('目標 4時間')
  })

  it('shows the clock paused while the ticket waits on the customer', async () => {
    await server.api(server.account.agent, 'PATCH', `/api/v1/tickets/${standard.id}`, { status: 'pending' })
    await agent.goto('/inbox/all')
    const badge = row(agent, standard.number).getByTestId('sla-badge')
    await expect.poll(() => badge.getAttribute('data-state')).toBe('paused')
    expect(await badge.textContent()).toContain('停止中')
    expect(await badge.textContent()).toContain('お客様の返信待ち')
  })
})

describe('Breaching next', () => {
  it('lists running targets soonest first, from the inbox sidebar', async () => {
    await agent.goto('/inbox/mine')
    await agent.getByTestId('view-breaching-next').click()
    await agent.getByTestId('breaching-next').waitFor()
    expect(await agent.locator('h1').textContent()).toBe('期限が近い順')
    const numbers = await agent.locator('[data-testid="breaching-next"] li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-ticket-number'))))
    // The urgent first response (30 min) before the later ticket's (4 h); the paused ticket is not listed.
    expect(numbers.indexOf(urgent.number)).toBe(0)
    expect(numbers.indexOf(later.number)).toBeGreaterThan(0)
    expect(numbers).not.toContain(standard.number)
    expect(await agent.locator('[data-testid="breaching-next"] li').first().getByTestId('sla-badge').textContent()).toMatch(/初回応答.*残り/)
    expect(await seriousA11yViolations(agent)).toEqual([])
  })
})

describe('escalation', () => {
  it('lets an agent escalate from the ticket page, and warns that a threat goes to legal', async () => {
    await agent.goto(`/tickets/${later.id}`)
    await agent.getByTestId('escalate-open').click()
    const dialog = agent.getByTestId('escalate-dialog')
    await dialog.getByRole('radio', { name: '法的措置の示唆' }).check()
    await expect.poll(() => dialog.getByTestId('threat-warning').textContent()).toContain('法務チーム')
    expect(await dialog.getByTestId('threat-warning').textContent()).toContain('閲覧が制限')
    expect(await seriousA11yViolations(agent)).toEqual([])

    await dialog.getByRole('radio', { name: '権限外（例：上限を超える返金）' }).check()
    expect(await dialog.getByTestId('threat-warning').textContent()).toBe('')
    await dialog.getByLabel('ご要望の金額（円・任意）').fill('120000')
    await dialog.getByLabel('引き継ぎメモ').fill('返金額が私の上限を超えています。ご判断をお願いします。')
    await dialog.getByRole('button', { name: 'エスカレーションする' }).click()
    await expect.poll(() => agent.getByTestId('escalation-done').textContent()).toContain('責任者')
    const history = agent.getByTestId('escalation-history')
    await expect.poll(() => history.textContent()).toContain('権限外')
    expect(await history.textContent()).toContain('返金額が私の上限を超えています')
    expect(await history.textContent()).toContain('未対応')
    await expect.poll(() => agent.locator('[data-type="ticket.escalated"]').count()).toBe(1)
    expect(await agent.locator('[data-type="ticket.escalated"]').textContent()).toContain('責任者')
  })

  it('puts it in the supervisors\' queue, where it is acknowledged and resolved', async () => {
    await supervisor.goto('/inbox/mine')
    await supervisor.getByRole('link', { name: 'エスカレーション' }).click()
    const entry = supervisor.locator(`[data-testid="escalation-row"][data-ticket-number="${later.number}"]`)
    await entry.waitFor()
    expect(await entry.textContent()).toContain('権限外')
    expect(await entry.getByTestId('escalation-state').textContent()).toBe('未対応')
    expect(await seriousA11yViolations(supervisor)).toEqual([])

    await entry.getByRole('button', { name: `#${later.number} のエスカレーションに対応する` }).click()
    await expect.poll(() => entry.getByTestId('escalation-state').textContent()).toBe(`${server.names.supervisor} が対応中`)
    await entry.getByRole('button', { name: `#${later.number} のエスカレーションを解決する` }).click()
    await expect.poll(() => entry.count()).toBe(0)
    const open = await server.api<{ items: { ticketId: string }[] }>(server.account.supervisor, 'GET', '/api/v1/escalations?status=open')
    expect(open.items.map((e) => e.ticketId)).not.toContain(later.id)

    await supervisor.getByRole('button', { name: '最近解決したもの' }).click()
    await expect.poll(() => supervisor.locator(`[data-testid="escalation-row"][data-ticket-number="${later.number}"]`).getByTestId('escalation-state').getAttribute('data-state')).toBe('resolved')
  })

  it('hides the queue from agents', async () => {
    expect(await agent.getByRole('link', { name: 'エスカレーション' }).count()).toBe(0)
    await agent.goto('/escalations')
    await expect.poll(() => agent.locator('main').textContent()).toContain('責任者と管理者のみ')
  })
})

describe('notifications', () => {
  it('shows the escalation in the bell, live, and marks it read', async () => {
    await supervisor.goto('/inbox/mine')
    const bell = supervisor.getByTestId('notification-bell')
    await expect.poll(() => supervisor.getByTestId('notification-count').textContent()).toBe('1')
    // A new escalation while the page is open arrives without a reload.
    await server.api(server.account.agent, 'POST', `/api/v1/tickets/${urgent.id}/escalate`, { reason: 'customer_requested_supervisor', note: '責任者からの説明をご希望です。' })
    await expect.poll(() => supervisor.getByTestId('notification-count').textContent(), { timeout: 10_000 }).toBe('2')
    expect(await bell.getAttribute('aria-label')).toBe('通知（未読 2 件）')

    await bell.click()
    const panel = supervisor.getByTestId('notification-panel')
    const newest = panel.getByTestId('notification').first()
    await expect.poll(() => newest.textContent()).toContain(`#${urgent.number}`)
    expect(await newest.textContent()).toContain('お客様が責任者を希望')
    expect(await newest.getAttribute('data-read')).toBe('false')
    expect(await seriousA11yViolations(supervisor)).toEqual([])

    await newest.getByTestId('notification-mark-read').click()
    await expect.poll(() => newest.getAttribute('data-read')).toBe('true')
    await expect.poll(() => supervisor.getByTestId('notification-count').textContent()).toBe('1')
    const unread = await server.api<{ items: { ticketId: string }[] }>(server.account.supervisor, 'GET', '/api/v1/notifications?unread=true')
    expect(unread.items.map((n) => n.ticketId)).toEqual([later.id])

    await panel.getByRole('button', { name: 'すべて既読にする' }).click()
    await expect.poll(() => supervisor.getByTestId('notification-count').count()).toBe(0)
    await supervisor.keyboard.press('Escape')
    await expect.poll(() => panel.count()).toBe(0)
    expect(await supervisor.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('notification-bell')
  })

  it('speaks English too', async () => {
    await agent.goto(`/tickets/${urgent.id}`)
    await agent.getByTestId('language-switch').selectOption('en')
    const summary = agent.getByTestId('ticket-sla').getByTestId('sla-badge')
    await expect.poll(() => summary.textContent()).toMatch(/First response · due in (2\d|30)m/)
    await expect.poll(() => agent.getByTestId('escalation-history').textContent()).toContain('Customer asks for a supervisor')
    await agent.goto('/inbox/all')
    await expect.poll(() => row(agent, standard.number).getByTestId('sla-badge').textContent()).toMatch(/Paused.*First response.*waiting on the customer/)
    await agent.getByTestId('language-switch').selectOption('ja')
  })

  it('sends a threat to legal with restricted visibility: the agent loses the ticket, the queue marks it', async () => {
    const threat = await createTicket(server, { subject: '店舗に押しかけると言われた', teamId: server.account.teamId })
    await agent.goto(`/tickets/${threat.id}`)
    await agent.getByTestId('escalate-open').click()
    const dialog = agent.getByTestId('escalate-dialog')
    await dialog.getByRole('radio', { name: '身体への危害の示唆' }).check()
    await expect.poll(() => dialog.getByTestId('threat-warning').textContent()).toContain('法務チームと責任者のみ')
    await dialog.getByLabel('引き継ぎメモ').fill('電話で「店に行って暴れる」と言われました。')
    await dialog.getByRole('button', { name: 'エスカレーションする' }).click()
    // The agent may no longer open it: back to the inbox rather than an error page.
    await agent.waitForURL(/\/inbox\/mine$/)
    await expect(server.api(server.account.agent, 'GET', `/api/v1/tickets/${threat.id}`)).rejects.toThrow(/404/)

    await supervisor.goto('/escalations')
    const entry = supervisor.locator(`[data-testid="escalation-row"][data-ticket-number="${threat.number}"]`)
    await entry.waitFor()
    expect(await entry.textContent()).toContain('閲覧制限：法務チームと責任者のみ')
    expect(await entry.textContent()).toContain('身体への危害の示唆')
    await supervisor.goto(`/tickets/${threat.id}`)
    await expect.poll(() => supervisor.getByTestId('escalation-history').textContent()).toContain('閲覧制限')
    expect((await server.api<{ priority: string }>(server.account.supervisor, 'GET', `/api/v1/tickets/${threat.id}`)).priority).toBe('urgent')
  })

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
