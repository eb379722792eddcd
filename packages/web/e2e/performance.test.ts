import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { launchBrowser, newContext, signIn, startServer } from './harness.ts'

/** The figure; MADOGUCHI_E2E_TICKETS lowers it for a quick local run. */
const TICKETS = Number(process.env.MADOGUCHI_E2E_TICKETS ?? 10_000)

let server: E2EServer
let browser: Browser
let page: Page

/** Creates the tickets through the real API, several requests in flight at once. */
async function seed(count: number): Promise<number> {
  const started = Date.now()
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      await server.api(server.account.agent, 'POST', '/api/v1/tickets', {
        subject: `大量テスト ${i}: ${['返品について', '配送の遅れ', '請求書の再発行', 'Order status', 'ログインできない'][i % 5]}`,
        customer: { email: `bulk${i % 1500}@example.jp`, name: `顧客 ${i % 1500}` },
        channel: ['email', 'phone', 'chat', 'line'][i % 4],
        priority: ['low', 'normal', 'high', 'urgent'][i % 4],
        message: { body: 'お問い合わせ本文' },
      })
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))

  return Date.now() - started
}

beforeAll(async () => {
  server = await startServer()
  const ms = await seed(TICKETS)
  console.log(`seeded ${TICKETS} tickets through the API in ${(ms / 1000).toFixed(1)} s`)
  browser = await launchBrowser()
  page = await (await newContext(browser, server)).newPage()
  await signIn(page, server.account.agent.email, server.password)
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe(`performance with ${TICKETS} tickets`, () => {
  it('scrolls the whole view smoothly, with a bounded DOM', async () => {
    await page.goto('/inbox/all')
    await page.locator('.ticket-row').first().waitFor()
    // Scroll by a screen per animation frame until every page is loaded and shown,
    // recording frame gaps and the number of rows in the DOM along the way.
    const result = await page.evaluate(async (total) => {
      const list = document.querySelector<HTMLElement>('[data-testid=ticket-list]')!
      const gaps: number[] = []
      let maxRows = 0
      let last = performance.now()
      const started = last
      while (performance.now() - started < 240_000) {
        await new Promise((resolve) => requestAnimationFrame(resolve))
        const now = performance.now()
        gaps.push(now - last)
        last = now
        maxRows = Math.max(maxRows, list.querySelectorAll('.ticket-row').length)
        list.scrollTop += list.clientHeight
        const numbers = [...list.querySelectorAll<HTMLElement>('[data-ticket-number]')].map((e) => Number(e.dataset.ticketNumber))
        if (numbers.includes(1) && list.querySelectorAll('.ticket-row-more').length === 0) break
      }
      gaps.sort((a, b) => a - b)
      const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? 0

      return { frames: gaps.length, p50: at(0.5), p95: at(0.95), max: gaps[gaps.length - 1] ?? 0, maxRows, seconds: (performance.now() - started) / 1000, total }
    }, TICKETS)
    console.log(`scroll through ${TICKETS}: ${result.frames} frames in ${result.seconds.toFixed(1)} s, frame p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(0)} ms; at most ${result.maxRows} rows in the DOM`)
    expect(result.maxRows).toBeLessThan(80)
    // Frames wait for nothing but rendering (pages load in the background): the
    // median frame must stay well under a 60 Hz budget's few multiples on a 2-core box.
    expect(result.p50).toBeLessThan(50)
    expect(await page.locator('.list-summary').textContent()).toContain(String(TICKETS))
  }, 300_000)

  it('renders an opened ticket within 100 ms of its data arriving', async () => {
    const durations: number[] = []
    for (let i = 0; i < 5; i++) {
      await page.goto('/inbox/all')
      await page.locator('.ticket-row').nth(i).waitFor()
      // Measure the ticket, not the inbox's own first loads finishing at the same moment.
      await page.waitForLoadState('networkidle')
      await page.locator('.ticket-row').nth(i).click()
      await page.locator('[data-kind=inbound]').first().waitFor()
      await expect.poll(() => page.evaluate(() => performance.getEntriesByName('madoguchi:ticket-render').length)).toBe(1)
      durations.push(await page.evaluate(() => performance.getEntriesByName('madoguchi:ticket-render')[0]!.duration))
    }
    console.log(`ticket render after data: ${durations.map((d) => d.toFixed(1)).join(', ')} ms`)
    // The typical open is the figure; a single slow one on a loaded 2-core CI box is
    // noise, but several times the budget is a regression.
    const median = [...durations].sort((a, b) => a - b)[2]!
    expect(median).toBeLessThan(100)
    expect(Math.max(...durations)).toBeLessThan(400)
  })
})
