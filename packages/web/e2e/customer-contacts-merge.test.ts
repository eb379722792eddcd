import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createCustomer, createTicket, launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

interface Contact { id: string; kind: string; value: string; verifiedAt: string | null }
interface Customer { id: string; crn: string; contacts: Contact[]; mergedIntoId: string | null }

let server: E2EServer
let browser: Browser
let page: Page
let keeper: { id: string; crn: string }
let duplicate: { id: string; crn: string }
let duplicateTicket: { id: string }
const pageErrors: string[] = []
const getCustomer = (id: string) => server.api<Customer>(server.account.admin, 'GET', `/api/v1/customers/${id}`)

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  keeper = await createCustomer(server, { displayName: '高橋 美咲', contacts: [{ kind: 'email', value: 'misaki.takahashi@example.jp' }] })
  duplicate = await createCustomer(server, { displayName: '高橋 みさき', contacts: [{ kind: 'phone', value: '080-2222-3333' }] })
  duplicateTicket = await createTicket(server, { subject: '電話での問い合わせ（重複登録側）', customer: { id: duplicate.id }, channel: 'phone' })
  page = await (await newContext(browser, server)).newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  // Removing a contact asks first.
  page.on('dialog', (dialog) => void dialog.accept())
  await signIn(page, server.account.supervisor.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('customer contacts and merge', () => {
  it('adds a contact (normalized), confirms it with today\'s date, and removes it', async () => {
    await page.goto(`/customers/${keeper.id}`)
    const list = page.getByTestId('contact-list')
    await list.getByText('misaki.takahashi@example.jp').waitFor()
    await page.getByRole('button', { name: '連絡先を追加' }).click()
    await page.getByLabel('種類').selectOption('phone')
    await page.getByLabel('メール・電話番号・LINE ID・外部 ID').fill('03-1234-5678')
    await page.getByRole('button', { name: '追加', exact: true }).click()
    const phone = list.getByTestId('contact').filter({ hasText: '+81312345678' })
    await phone.waitFor()
    await phone.getByRole('button', { name: '確認済みにする' }).click()
    await phone.getByText('確認済み').waitFor()
    const stored = (await getCustomer(keeper.id)).contacts.find((c) => c.value === '+81312345678')
    expect(stored?.verifiedAt?.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))

    await page.getByLabel('種類').selectOption('line')
    await page.getByLabel('メール・電話番号・LINE ID・外部 ID').fill('U4af4980629')
    await page.getByLabel('いまお客様に確認済み').check()
    await page.getByRole('button', { name: '追加', exact: true }).click()
    await list.getByTestId('contact').filter({ hasText: 'U4af4980629' }).getByText('確認済み').waitFor()

    await phone.getByRole('button', { name: /削除/ }).click()
    await expect.poll(() => phone.count(), { timeout: 10_000 }).toBe(0)
    expect((await getCustomer(keeper.id)).contacts.map((c) => c.value).sort()).toEqual(['U4af4980629', 'misaki.takahashi@example.jp'])
  })

  it('refuses a contact that belongs to someone else, keeping what was typed', async () => {
    await page.getByLabel('種類').selectOption('phone')
    const input = page.getByLabel('メール・電話番号・LINE ID・外部 ID')
    await input.fill('080-2222-3333')
    await page.getByRole('button', { name: '追加', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'この連絡先は別の顧客に登録されています' }).waitFor()
    expect(await input.inputValue()).toBe('080-2222-3333')
  })

  it('merges a duplicate after showing what moves', async () => {
    await page.getByTestId('merge-open').click()
    await page.getByLabel('統合する相手を検索').fill('高橋 みさき')
    await page.getByRole('button', { name: '検索', exact: true }).click()
    await page.getByRole('button', { name: `高橋 みさき（${duplicate.crn}）` }).click()
    const summary = page.getByTestId('merge-summary')
    await summary.getByText('チケット 1 件が移動').waitFor()
    expect(await summary.textContent()).toContain('+818022223333')
    expect(await summary.textContent()).toContain(`${duplicate.crn} はこの後も使えます`)
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByTestId('merge-confirm').click()
    await page.getByTestId('contact-list').getByText('+818022223333').waitFor()
    expect(page.url()).toContain(`/customers/${keeper.id}`)
    expect((await getCustomer(duplicate.id)).mergedIntoId).toBe(keeper.id)
    const moved = await server.api<{ customer: { id: string } }>(server.account.admin, 'GET', `/api/v1/tickets/${duplicateTicket.id}`)
    expect(moved.customer.id).toBe(keeper.id)
    await page.getByTestId('customer-timeline').getByText('電話での問い合わせ').waitFor()
  })

  it('offers merging to supervisors and admins only', async () => {
    const agentPage = await (await newContext(browser, server)).newPage()
    await signIn(agentPage, server.account.agent.email, server.password)
    await agentPage.goto(`/customers/${keeper.id}`)
    await agentPage.getByTestId('contact-list').waitFor()
    expect(await agentPage.getByTestId('merge-open').count()).toBe(0)
    expect(await agentPage.getByRole('button', { name: '連絡先を追加' }).count()).toBe(1)
    await agentPage.close()
  })

  it('has no serious or critical accessibility violations', async () => {
    await page.goto(`/customers/${keeper.id}`)
    await page.getByTestId('contact-list').waitFor()
    await page.getByRole('button', { name: '連絡先を追加' }).click()
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
