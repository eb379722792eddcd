import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createTicket, launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  for (let i = 0; i < 3; i++) await createTicket(server)
  const context = await newContext(browser, server)
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await signIn(page, server.account.agent.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('inbox', () => {
  it('signs in and shows the unassigned view with its count', async () => {
    await expect.poll(() => page.getByTestId('whoami').textContent()).toContain(server.names.agent)
    await page.getByTestId('view-unassigned').click()
    await expect.poll(() => page.locator('.ticket-row').count()).toBe(3)
    await expect.poll(() => page.getByTestId('view-unassigned').getByTestId('view-count').textContent()).toBe('3')
    expect(page.url()).toMatch(/\/inbox\/unassigned$/)
  })

  it('shows a ticket created through the API without a reload', async () => {
    const created = await createTicket(server, { subject: 'ライブで届くはずのチケット' })
    await page.locator(`[data-ticket-number="${created.number}"]`).waitFor({ timeout: 10_000 })
    expect(await page.locator('.ticket-row').first().textContent()).toContain('ライブで届くはずのチケット')
    // Counts refresh at most once a second after live events (use-view-counts.ts): allow for that.
    await expect.poll(() => page.getByTestId('view-unassigned').getByTestId('view-count').textContent(), { timeout: 10_000 }).toBe('4')
  })


  it('catches up on what it missed while the connection was down', async () => {
    await page.goto('/inbox/unassigned')
    await page.locator('.ticket-row').first().waitFor()
    await expect.poll(() => page.getByTestId('connection-state').count()).toBe(0)
    server.startOutage()
    await page.getByTestId('connection-state').waitFor()
    const missed = await createTicket(server, { subject: '接続が切れている間に届いたチケット' })
    await page.waitForTimeout(300)
    expect(await page.locator(`[data-ticket-number="${missed.number}"]`).count()).toBe(0)
    server.endOutage()
    await page.locator(`[data-ticket-number="${missed.number}"]`).waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('connection-state').count()).toBe(0)
  })

  it('moves with j/k and opens with Enter', async () => {
    await page.goto('/inbox/unassigned')
    await expect.poll(() => page.locator('.ticket-row').count()).toBeGreaterThan(2)
    await page.locator('body').click({ position: { x: 5, y: 400 } })
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    const selected = page.locator('.ticket-row.is-selected')
    const number = await selected.getAttribute('data-ticket-number')
    expect(await page.locator('.ticket-row').nth(1).getAttribute('class')).toContain('is-selected')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/tickets\//)
    await expect.poll(() => page.locator('h1').textContent()).toContain(`#${number}`)
    await page.keyboard.press('Escape')
    await page.waitForURL(/\/inbox\/mine/)
  })

  it('keeps the selection on the same ticket when a new one arrives above it', async () => {
    await page.goto('/inbox/unassigned')
    await expect.poll(() => page.locator('.ticket-row').count()).toBeGreaterThan(2)
    await page.locator('body').click({ position: { x: 5, y: 400 } })
    await page.keyboard.press('j')
    const chosen = await page.locator('.ticket-row.is-selected').getAttribute('data-ticket-number')
    const arriving = await createTicket(server, { subject: '選択中に届いたチケット' })
    await page.locator(`[data-ticket-number="${arriving.number}"]`).waitFor({ timeout: 10_000 })
    expect(await page.locator('.ticket-row.is-selected').getAttribute('data-ticket-number')).toBe(chosen)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/tickets\//)
    await expect.poll(() => page.locator('h1').textContent()).toContain(`#${chosen}`)
  })

  it('opens the selected ticket ready to reply with r', async () => {
    await page.goto('/inbox/unassigned')
    await page.locator('.ticket-row').first().waitFor()
    await page.keyboard.press('j')
    await page.keyboard.press('r')
    await page.waitForURL(/\/tickets\/.+\?compose=reply/)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer')
    await page.keyboard.press('Escape')
  })

  it('saves the current filters as a view that keeps its count', async () => {
    await createTicket(server, { subject: '至急: 決済が二重に行われました', priority: 'urgent' })
    await page.goto('/inbox/all?priority=urgent')
    await expect.poll(() => page.locator('.ticket-row').count()).toBe(1)
    await page.getByRole('button', { name: '絞り込みをビューとして保存' }).click()
    await page.getByLabel('ビュー名').fill('緊急')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.waitForURL(/\/inbox\/v[0-9a-z]+$/)
    await page.reload()
    const saved = page.locator('.saved-view', { hasText: '緊急' })
    await expect.poll(() => saved.getByTestId('view-count').textContent()).toBe('1')
    await expect.poll(() => page.locator('.ticket-row').count()).toBe(1)
  })

  it('opens the shortcut list with ?', async () => {
    await page.keyboard.press('?')
    await page.locator('dialog[open]').waitFor()
    expect(await page.locator('dialog[open]').textContent()).toContain('キーボードショートカット')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
  })

  it('has no serious or critical accessibility violations', async () => {
    await page.goto('/inbox/all')
    await page.locator('.ticket-row').first().waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('signs out', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await page.locator('input[name=email]').waitFor()
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status)
    expect(me).toBe(401)
  })
})
