import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  page = await (await newContext(browser, server)).newPage()
  await signIn(page, server.account.admin.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('admin screens', () => {
  it('creates a team, invites an agent into it, and the agent can sign in', async () => {
    await page.getByRole('link', { name: '管理' }).click()
    await page.getByRole('link', { name: 'チーム' }).click()
    await page.getByLabel('名前').fill('返品受付')
    await page.getByRole('button', { name: 'チームを作成' }).click()
    await page.locator('.team-list input[value="返品受付"]').waitFor()

    await page.getByRole('link', { name: '担当者' }).click()
    const invite = page.locator('form.invite')
    await invite.getByLabel('メールアドレス').fill('new.agent@example.jp')
    await invite.getByLabel('名前').fill('伊藤 健')
    await invite.getByLabel('返品受付').check()
    await invite.getByRole('button', { name: '招待' }).click()
    const password = await invite.locator('code').textContent()
    expect(password?.length).toBeGreaterThanOrEqual(12)
    await page.locator('table').getByText('伊藤 健', { exact: true }).waitFor()

    const fresh = await (await newContext(browser, server)).newPage()
    await signIn(fresh, 'new.agent@example.jp', password ?? '')
    expect(await fresh.getByTestId('whoami').textContent()).toContain('伊藤 健')
    await fresh.close()
  })

  it('shows a readable error and keeps the form when the server refuses', async () => {
    const invite = page.locator('form.invite')
    await invite.getByLabel('メールアドレス').fill('new.agent@example.jp')
    await invite.getByLabel('名前').fill('二重登録')
    await invite.getByRole('button', { name: '招待' }).click()
    await invite.getByRole('alert').waitFor()
    expect(await invite.getByRole('alert').textContent()).toContain('既に存在します')
    expect(await invite.getByLabel('名前').inputValue()).toBe('二重登録')
  })

  it('changes a role and deactivates an agent', async () => {
    const row = page.locator('tr', { hasText: '伊藤 健' })
    await row.getByRole('combobox').selectOption('supervisor')
    await row.getByRole('button', { name: '無効にする' }).click()
    await row.getByText('無効', { exact: true }).waitFor()
    const agents = await server.api<{ items: { email: string; role: string; active: boolean }[] }>(server.account.admin, 'GET', '/api/v1/agents')
    expect(agents.items.find((a) => a.email === 'new.agent@example.jp')).toMatchObject({ role: 'supervisor', active: false })
  })

  it('saves account settings', async () => {
    await page.getByRole('link', { name: 'アカウント' }).click()
    const accountForm = page.getByRole('form', { name: 'アカウント' })
    await accountForm.getByLabel('会社名').fill('窓口テスト株式会社（本社）')
    await accountForm.getByRole('button', { name: '保存' }).click()
    await accountForm.getByRole('status').filter({ hasText: '保存しました' }).waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  it('sets the help center’s contact details, shown on its contact page', async () => {
    const helpForm = page.getByRole('form', { name: 'ヘルプセンター（/help）' })
    await helpForm.getByLabel('問い合わせ用電話番号').fill('0120-000-111')
    await helpForm.getByLabel('受付時間（日本語ページ）').fill('年中無休 8:00〜22:00')
    await helpForm.getByRole('button', { name: '保存' }).click()
    await helpForm.getByRole('status').filter({ hasText: '保存しました' }).waitFor()
    const contact = await (await fetch(`${server.url}/help/ja/contact`)).text()
    expect(contact).toContain('0120-000-111')
    expect(contact).toContain('年中無休 8:00〜22:00')
    expect(await seriousA11yViolations(page)).toEqual([])
  })
})
