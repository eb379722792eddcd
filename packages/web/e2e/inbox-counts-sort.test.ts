import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page, Request } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createTicket, launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
const pageErrors: string[] = []
const numbers: number[] = []
let urgent: { number: number }
let partnerTeamTicket: { number: number }

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const { teamId, partnerTeamId } = server.account
  // 130 open tickets: more than one page of the old client-side count (100).
  for (let i = 0; i < 129; i++) numbers.push((await createTicket(server, { teamId: i % 2 ? teamId : null, priority: i % 5 ? 'normal' : 'low' })).number)
  urgent = await createTicket(server, { subject: '至急: 二重決済', priority: 'urgent', teamId })
  numbers.push(urgent.number)
  partnerTeamTicket = await createTicket(server, { subject: '委託先チームの問い合わせ', teamId: partnerTeamId })
  numbers.push(partnerTeamTicket.number)
  // The agent works in both teams: "My teams" shows them together.
  await server.api(server.account.admin, 'PATCH', `/api/v1/agents/${server.account.agent.id}`, { teamIds: [teamId, partnerTeamId] })
  page = await (await newContext(browser, server)).newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await signIn(page, server.account.agent.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const countOf = (view: string) => page.getByTestId(`view-${view}`).getByTestId('view-count').textContent()
/** A select of the filter bar by its caption (its accessible name also carries the chosen option). */
const filterSelect = (caption: string) => page.locator('.filter-bar label').filter({ has: page.locator(`span:text-is("${caption}")`) }).locator('select')

describe('inbox counts, sort and teams', () => {
  it('counts past 100 exactly, in one request for the whole sidebar, and follows new tickets live', async () => {
    const asked: string[] = []
    const noteCounts = (request: Request) => {
      const { pathname } = new URL(request.url())
      if (pathname.startsWith('/api/v1/tickets/count')) asked.push(`${request.method()} ${pathname}`)
    }
    page.on('request', noteCounts)
    await page.goto('/inbox/all')
    await expect.poll(() => countOf('all'), { timeout: 10_000 }).toBe('131')
    // My teams: 64 in the agent's team (odd i) + the urgent one + the partner team's one.
    await expect.poll(() => countOf('teams'), { timeout: 10_000 }).toBe('66')
    expect(await countOf('mine')).toBe('0')
    page.off('request', noteCounts)
    // Four views, counted together: never a request per view.
    expect(asked.length).toBeGreaterThan(0)
    expect(new Set(asked)).toEqual(new Set(['POST /api/v1/tickets/counts']))
    await createTicket(server, { subject: 'ライブで数が増えるはず' })
    await expect.poll(() => countOf('all'), { timeout: 10_000 }).toBe('132')
    await expect.poll(() => countOf('unassigned'), { timeout: 10_000 }).toBe('132')
  })

  it('sorts on the server, by number and by priority, and keeps the order in the URL', async () => {
    await page.goto('/inbox/all')
    const sortSelect = filterSelect('並び順')
    await sortSelect.selectOption('priority')
    await page.waitForURL(/sort=priority/)
    await expect.poll(() => page.locator('.ticket-row').first().getAttribute('data-ticket-number'), { timeout: 10_000 }).toBe(String(urgent.number))
    await sortSelect.selectOption('number')
    await page.waitForURL(/sort=number/)
    const highest = Math.max(...numbers) + 1 // the live ticket of the first test
    await expect.poll(() => page.locator('.ticket-row').first().getAttribute('data-ticket-number'), { timeout: 10_000 }).toBe(String(highest))
    await page.reload()
    await expect.poll(() => page.locator('.ticket-row').first().getAttribute('data-ticket-number'), { timeout: 10_000 }).toBe(String(highest))
    expect(await sortSelect.inputValue()).toBe('number')
  })

  it('shows every team of the agent in "My teams"', async () => {
    await page.getByTestId('view-teams').click()
    await page.waitForURL(/\/inbox\/teams$/)
    await page.locator(`[data-ticket-number="${partnerTeamTicket.number}"]`).waitFor()
    await page.locator(`[data-ticket-number="${urgent.number}"]`).waitFor()
    const team = filterSelect('チーム')
    expect(await team.inputValue()).toBe('mine')
    // Narrowing to one team still works.
    await team.selectOption(server.account.partnerTeamId)
    await expect.poll(() => page.locator('.ticket-row').count(), { timeout: 10_000 }).toBe(1)
  })

  it('has no serious or critical accessibility violations', async () => {
    await page.goto('/inbox/all?sort=priority')
    await page.locator('.ticket-row').first().waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
