import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import AxeBuilder from '@axe-core/playwright'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const SERVER_SCRIPT = path.join(ROOT, 'packages/server/src/web/e2e-server.ts')
export const SCREENSHOT_DIR = path.join(ROOT, 'docs/screenshots')

interface Agent {
  id: string
  email: string
  token: string
  headers: { authorization: string }
}

export interface E2EServer {
  url: string
  password: string
  names: Record<'admin' | 'supervisor' | 'agent' | 'partner', string>
  account: { accountId: string; teamId: string; partnerTeamId: string; admin: Agent; supervisor: Agent; agent: Agent; partner: Agent }
  /** Calls the real API as one of the seeded agents (bearer token). */
  api<T = unknown>(as: Agent, method: string, url: string, body?: unknown): Promise<T>
  /** Drops every WebSocket and refuses new ones until `endOutage` (HTTP keeps working). */
  startOutage(): void
  endOutage(): void
  stop(): Promise<void>
}

/** Starts packages/server/src/web/e2e-server.ts and reads its one-line JSON greeting. */
export async function startServer(): Promise<E2EServer> {
  if (!fs.existsSync(path.join(ROOT, 'packages/web/dist/index.html'))) {
    throw new Error('packages/web/dist is missing: `npm run e2e -w @madoguchi/web` builds it first')
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] })
  const greeting = await new Promise<string>((resolve, reject) => {
    let buffer = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      const newline = buffer.indexOf('\n')
      if (newline >= 0) resolve(buffer.slice(0, newline))
    })
    child.once('exit', (code) => reject(new Error(`e2e server exited early (${code})`)))
    setTimeout(() => reject(new Error('e2e server did not start in 30 s')), 30_000)
  })
  const info = JSON.parse(greeting) as Omit<E2EServer, 'api' | 'stop'>

  return {
    ...info,
    async api<T>(as: Agent, method: string, url: string, body?: unknown): Promise<T> {
      const response = await fetch(info.url + url, {
        method,
        headers: { ...as.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`)

      return (text ? JSON.parse(text) : undefined) as T
    },
    startOutage: () => child.kill('SIGUSR2'),
    endOutage: () => child.kill('SIGUSR1'),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** A fresh browser profile in Japanese, Tokyo time, laptop-sized. */
export async function newContext(browser: Browser, server: E2EServer, locale = 'ja-JP'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.url, locale, timezoneId: 'Asia/Tokyo', viewport: { width: 1366, height: 820 } })
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/')
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(password)
  await page.locator('button[type=submit]').click()
  await page.getByTestId('whoami').waitFor()
}

/** axe-core: the serious and critical violations (the ones the issue forbids). */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string | null | undefined; nodes: string[] }[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()

  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}

/** Screenshots for the README, only when asked (`MADOGUCHI_SCREENSHOTS=1`), so test runs leave the tree clean. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MADOGUCHI_SCREENSHOTS !== '1') return
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

let counter = 0

/** A customer created through the API (names, kana, contacts, flags). */
export async function createCustomer(server: E2EServer, fields: Record<string, unknown>): Promise<{ id: string; crn: string }> {
  return server.api(server.account.admin, 'POST', '/api/v1/customers', fields)
}

export async function createTicket(server: E2EServer, fields: Record<string, unknown> = {}): Promise<{ id: string; number: number; customer: { id: string; crn: string } }> {
  counter++

  return server.api(server.account.agent, 'POST', '/api/v1/tickets', {
    subject: `注文した商品が届きません (${counter})`,
    customer: { email: `customer${counter}-${Date.now()}@example.jp`, name: `山田 太郎 ${counter}` },
    channel: 'email',
    message: { body: '先週注文した商品がまだ届いていません。確認をお願いします。' },
    ...fields,
  })
}
