import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
let secret = ''
const pageErrors: string[] = []

/** Calls the API with a bearer token from outside the browser, as a script would. */
const meWith = async (token: string) => (await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const context = await newContext(browser, server)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  page.on('dialog', (dialog) => void dialog.accept())
  // A partner: personal tokens are for every role.
  await signIn(page, server.account.partner.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('API tokens in my settings', () => {
  it('creates a token, shows it once with a copy button, and it works', async () => {
    await page.getByRole('link', { name: '個人設定' }).click()
    await page.waitForURL(/\/me\/settings$/)
    // The harness gave every agent one token already (named "test").
    await page.getByTestId('token-row').filter({ hasText: 'test' }).waitFor()
    await page.getByLabel('名前').fill('受注同期スクリプト')
    await page.getByRole('button', { name: 'トークンを作成' }).click()
    secret = (await page.getByTestId('new-token-secret').textContent()) ?? ''
    expect(secret).toMatch(/^mdg_/)
    await page.getByRole('button', { name: '新しいトークンをコピー' }).click()
    await page.getByTestId('new-token').getByText('コピーしました', { exact: true }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
    expect(await meWith(secret)).toBe(200)
    const row = page.getByTestId('token-row').filter({ hasText: '受注同期スクリプト' })
    await row.waitFor()
    expect(await row.textContent()).toContain(secret.slice(0, 8))
    expect(await row.textContent()).not.toContain(secret)
  })

  it('never shows the secret again', async () => {
    await page.getByRole('button', { name: 'コピーしたので閉じる' }).click()
    await page.reload()
    await page.getByTestId('token-row').first().waitFor()
    expect(await page.locator('body').textContent()).not.toContain(secret)
  })

  it('revokes a token, which stops working at once', async () => {
    await page.getByRole('button', { name: 'トークン 受注同期スクリプト を無効にする' }).click()
    await expect.poll(() => page.getByTestId('token-row').filter({ hasText: '受注同期スクリプト' }).count(), { timeout: 10_000 }).toBe(0)
    expect(await meWith(secret)).toBe(401)
    // The other token is untouched.
    expect(await meWith(server.account.partner.token)).toBe(200)
    await page.reload()
    await page.getByTestId('token-row').filter({ hasText: 'test' }).waitFor()
    expect(await page.getByTestId('token-row').count()).toBe(1)
  })

  it('has no serious or critical accessibility violations', async () => {
    await page.getByLabel('名前').fill('監視用')
    await page.getByRole('button', { name: 'トークンを作成' }).click()
    await page.getByTestId('new-token').waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
