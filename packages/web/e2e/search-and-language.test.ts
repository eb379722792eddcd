import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createCustomer, createTicket, launchBrowser, newContext, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
let customer: { id: string; crn: string }
let ticket: { id: string; number: number }
const pageErrors: string[] = []

/** The same CRN with one symbol changed: its check symbol no longer matches. */
function mistype(crn: string): string {
  const i = crn.length - 2
  const wrong = crn[i] === '7' ? '8' : '7'

  return crn.slice(0, i) + wrong + crn.slice(i + 1)
}

async function search(text: string) {
  const box = page.locator('#global-search')
  await box.fill(text)
  await box.press('Enter')
  const results = page.getByTestId('search-results')
  await expect.poll(() => results.textContent()).not.toContain('検索中')

  return results
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  customer = await createCustomer(server, {
    displayName: '高橋 美咲', familyName: '高橋', givenName: '美咲', familyNameKana: 'たかはし', givenNameKana: 'みさき',
    contacts: [{ kind: 'phone', value: '+81 80-2345-6789' }, { kind: 'email', value: 'misaki@example.jp' }],
  })
  ticket = await createTicket(server, { subject: '定期便の配送日を変更したい', customer: { id: customer.id } })
  const context = await newContext(browser, server)
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await signIn(page, server.account.agent.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('search box', () => {
  it('finds a customer by CRN typed loosely, and opens them', async () => {
    const loose = customer.crn.toLowerCase().replace(/-/g, ' ')
    const results = await search(loose)
    await results.getByText('高橋 美咲').click()
    await page.waitForURL(`**/customers/${customer.id}`)
    await page.getByTestId('customer-timeline').getByText('定期便の配送日を変更したい').waitFor()
  })

  it('says "no such CRN" for a mistyped CRN instead of showing someone else', async () => {
    const results = await search(mistype(customer.crn))
    await results.getByTestId('search-problem').waitFor()
    expect(await results.textContent()).toContain('その顧客番号はありません')
    expect(await results.textContent()).not.toContain('高橋')
  })

  it('finds a customer by phone in a domestic format', async () => {
    for (const phone of ['080-2345-6789', '０８０ ２３４５ ６７８９']) {
      const results = await search(phone)
      await results.getByText('高橋 美咲').waitFor()
    }
  })

  it('finds a ticket by number', async () => {
    const results = await search(`#${ticket.number}`)
    await results.getByText('定期便の配送日を変更したい').click()
    await page.waitForURL(`**/tickets/${ticket.id}`)
  })
})

describe('language', () => {
  it('switches to English, keeps it after a reload, and saves it on the profile', async () => {
    await page.goto('/inbox/mine')
    await page.getByTestId('language-switch').selectOption('en')
    await page.getByRole('link', { name: 'Inbox' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.reload()
    await page.getByRole('link', { name: 'Unassigned' }).waitFor()
    await expect.poll(async () => (await server.api<{ locale: string }>(server.account.agent, 'GET', '/api/v1/me')).locale).toBe('en')
    await page.getByTestId('language-switch').selectOption('ja')
    await page.getByRole('link', { name: '受信箱' }).waitFor()
    expect(pageErrors).toEqual([])
  })

  it('shows server errors in the chosen language', async () => {
    await page.getByTestId('language-switch').selectOption('en')
    const results = await search(mistype(customer.crn))
    await expect.poll(() => results.textContent()).toContain('No such CRN')
    await page.getByTestId('language-switch').selectOption('ja')
  })
})
