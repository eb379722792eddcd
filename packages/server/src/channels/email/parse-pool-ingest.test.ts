import { describe, expect, it, onTestFinished } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { createInboxVia } from './email-test-helpers.ts'
import { ingestRawEmail } from './ingest-raw-email.ts'
import { createParsePool } from './parse-pool.ts'
import { customerMail } from './test-messages.ts'

const HOSTILE = new URL('./parse-worker.fixture.mjs', import.meta.url)

describe.each(testDialects())('ingesting mail parsed in worker threads on %s', (dialect) => {
  it('opens tickets as in-process parsing does; a message whose worker hangs is still a ticket, with its parse warning', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const parser = createParsePool({ threads: 1, logger: deps.logger, entry: HOSTILE, timeoutMs: 1_000 })
    deps.emailParser = parser
    onTestFinished(() => parser.close())
    const inbox = await createInboxVia(app, account)
    const deliver = (raw: Buffer, from: string) => ingestRawEmail(deps, { inboxId: inbox.id, raw, source: 'smtp', envelopeFrom: from, envelopeTo: ['support@shop.example'] })
    const messagesOf = async (ticketId: string) => (await app.inject({ url: `/api/v1/tickets/${ticketId}/messages`, headers: account.agent.headers })).json().items

    const ok = await deliver(customerMail({ from: '山田 太郎 <taro@example.jp>', subject: '注文した商品が届きません', body: '注文番号 A-1 です。' }), 'taro@example.jp')
    expect(ok.outcome).toBe('ticket_created')
    expect((await messagesOf(ok.ticketId!))[0]).toMatchObject({ body: '注文番号 A-1 です。', metadata: { email: { from: { address: 'taro@example.jp', name: '山田 太郎' }, warnings: [] } } })

    const hung = await deliver(customerMail({ from: 'hanako@example.jp', body: '本文は読めます', extra: ['X-Test-Worker: hang'] }), 'hanako@example.jp')
    expect(hung.outcome).toBe('ticket_created')
    const [message] = await messagesOf(hung.ticketId!)
    expect(message.body).toContain('本文は読めます')
    expect(message.metadata.email.warnings).toEqual(['parse.failed:timeout'])
    const row = await deps.db.selectFrom('raw_emails').select(['outcome', 'sender']).where('ticket_id', '=', hung.ticketId!).executeTakeFirstOrThrow()
    expect(row).toEqual({ outcome: 'ticket_created', sender: 'hanako@example.jp' })
  }, 30_000)
})
