import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nodemailer from 'nodemailer'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import type { TestDeps } from '../../test/test-deps.ts'
import { createInboxVia } from './email-test-helpers.ts'
import { startSmtpServer } from './smtp-server.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

function transport(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10_000 })
}

async function waitFor<T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function processedOutcomes(deps: TestDeps) {
  const rows = await deps.db.selectFrom('raw_emails').select(['outcome']).execute()

  return rows.every((r) => r.outcome !== 'received') ? rows.map((r) => r.outcome) : undefined
}

describe.each(testDialects())('SMTP server on %s', (dialect) => {
  it('accepts mail for known addresses over a real SMTP session, refuses unknown recipients at RCPT', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await createInboxVia(app, account, ['support@shop.example'])
    const smtp = await startSmtpServer(deps, { port: 0, host: '127.0.0.1' })
    onTestFinished(() => smtp.close())
    const mailer = transport(smtp.port)

    const info = await mailer.sendMail({
      from: '"佐藤 花子" <hanako@example.jp>', to: 'Support+t1kxxxxxxxx@shop.example', subject: '返品の手続きについて',
      text: '先日購入した①の商品を返品したいです。10〜12時に在宅です。', messageId: '<smtp1@example.jp>',
    })
    expect(info.accepted).toEqual(['Support+t1kxxxxxxxx@shop.example'])
    expect(await waitFor(() => processedOutcomes(deps))).toEqual(['ticket_created'])
    const ticket = await deps.db.selectFrom('tickets').select(['subject', 'channel']).executeTakeFirstOrThrow()
    expect(ticket).toEqual({ subject: '返品の手続きについて', channel: 'email' })
    const message = await deps.db.selectFrom('messages').select(['body_text']).executeTakeFirstOrThrow()
    expect(message.body_text.trim()).toBe('先日購入した①の商品を返品したいです。10〜12時に在宅です。')
    const raw = await deps.db.selectFrom('raw_emails').select(['source', 'envelope_from']).executeTakeFirstOrThrow()
    expect(raw).toEqual({ source: 'smtp', envelope_from: 'hanako@example.jp' })

    const refused = await mailer.sendMail({ from: 'a@example.jp', to: 'nobody@shop.example', subject: 'x', text: 'x' }).catch((e: { responseCode?: number }) => e)
    expect(refused).toMatchObject({ responseCode: 550 })

    // A legacy Japanese mobile address (RFC-invalid, still in use) is accepted and becomes the customer's contact.
    await mailer.sendMail({ from: 'Taro..Yamada.@docomo.ne.jp', to: 'support@shop.example', subject: '機種変更', text: 'docomo から送信', messageId: '<smtp-docomo@docomo.ne.jp>' })
    expect(await waitFor(async () => (await processedOutcomes(deps))?.length === 2 && processedOutcomes(deps))).toEqual(['ticket_created', 'ticket_created'])
    const contact = await deps.db.selectFrom('customer_contacts').select('value').where('value', 'like', '%docomo%').executeTakeFirst()
    expect(contact?.value).toBe('taro..yamada.@docomo.ne.jp')
  })

  it('holds acknowledged mail for its gathering window, and on close processes what is still waiting', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await createInboxVia(app, account, ['support@shop.example'])
    // A gathering window longer than the test: only close() can start the processing.
    const smtp = await startSmtpServer(deps, { port: 0, host: '127.0.0.1', gatherMs: 600_000 })
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 3 })
    await Promise.all(['一', '二', '三'].map((n, i) => mailer.sendMail({ from: `c${i}@example.jp`, to: 'support@shop.example', subject: `問い合わせ${n}`, text: n })))
    mailer.close()
    expect(await deps.db.selectFrom('tickets').select('id').execute()).toEqual([])
    await smtp.close()
    expect(await processedOutcomes(deps)).toEqual(['ticket_created', 'ticket_created', 'ticket_created'])
  })

  it('offers STARTTLS when a certificate is configured and refuses oversize mail with 552', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await createInboxVia(app, account, ['support@shop.example'])
    const tls = { key: fs.readFileSync(path.join(here, 'fixtures/smtp-test.key')), cert: fs.readFileSync(path.join(here, 'fixtures/smtp-test.crt')) }
    const smtp = await startSmtpServer(deps, { port: 0, host: '127.0.0.1', tls, maxBytes: 20_000 })
    onTestFinished(() => smtp.close())
    // requireTLS: nodemailer fails unless the server offers STARTTLS and the upgrade succeeds.
    const secure = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } })
    const info = await secure.sendMail({ from: 'a@example.jp', to: 'support@shop.example', subject: 'tls', text: '暗号化' })
    expect(info.accepted).toEqual(['support@shop.example'])
    const tooBig = await secure.sendMail({ from: 'a@example.jp', to: 'support@shop.example', subject: 'big', text: 'x'.repeat(50_000) }).catch((e: { responseCode?: number }) => e)
    expect(tooBig).toMatchObject({ responseCode: 552 })
    const plain = await startSmtpServer(deps, { port: 0, host: '127.0.0.1' })
    onTestFinished(() => plain.close())
    const refused = await nodemailer.createTransport({ host: '127.0.0.1', port: plain.port, secure: false, requireTLS: true }).sendMail({ from: 'a@example.jp', to: 'support@shop.example', subject: 'x', text: 'x' }).catch((e: Error) => e)
    expect(refused).toBeInstanceOf(Error)
  })

  it('answers 451 when the database is unavailable, so the sender retries', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await createInboxVia(app, account, ['support@shop.example'])
    const smtp = await startSmtpServer(deps, { port: 0, host: '127.0.0.1' })
    onTestFinished(() => smtp.close())
    await deps.db.destroy()
    const error = await transport(smtp.port).sendMail({ from: 'a@example.jp', to: 'support@shop.example', subject: 'x', text: 'x' }).catch((e: { responseCode?: number }) => e)
    expect(error).toMatchObject({ responseCode: 451 })
  })

  it('stores a message exactly once when the server dies between storing it and answering 250', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await createInboxVia(app, account, ['support@shop.example'])
    const children: ChildProcess[] = []
    onTestFinished(() => children.forEach((c) => c.kill('SIGKILL')))
    const startChild = (crash: boolean) => new Promise<{ child: ChildProcess; port: number; stored: Promise<void> }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'smtp-child.fixture.ts')], {
        env: { ...process.env, SMTP_CHILD_DATABASE: JSON.stringify(deps.config.database), SMTP_CHILD_DATA_DIR: deps.config.dataDir, SMTP_CRASH_AFTER_STORE: crash ? '1' : '0' },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      children.push(child)
      let output = ''
      let storedResolve: () => void = () => {}
      const stored = new Promise<void>((r) => (storedResolve = r))
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const port = /PORT (\d+)/.exec(output)
        if (port) resolve({ child, port: Number(port[1]), stored })
        if (output.includes('STORED')) storedResolve()
      })
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)))
    })
    const mail = { from: 'kenji@example.jp', to: 'support@shop.example', subject: '配送状況の確認', text: '注文番号 B-7 はいつ届きますか。', messageId: '<crash1@example.jp>' }

    const first = await startChild(true)
    const attempt = transport(first.port).sendMail(mail).then(() => 'accepted', () => 'failed')
    await first.stored
    first.child.kill('SIGKILL')
    expect(await attempt).toBe('failed')

    // The sending server retries against the restarted node.
    const second = await startChild(false)
    const retry = await transport(second.port).sendMail(mail)
    expect(retry.accepted).toEqual(['support@shop.example'])
    expect(await waitFor(() => processedOutcomes(deps))).toEqual(['ticket_created'])
    expect(await deps.db.selectFrom('tickets').select('id').execute()).toHaveLength(1)
    expect(await deps.db.selectFrom('messages').select('id').execute()).toHaveLength(1)
  }, 60_000)
})
