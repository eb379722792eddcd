import { describe, expect, it, onTestFinished } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { createInboxVia } from './email-test-helpers.ts'
import { ingestRawEmail } from './ingest-raw-email.ts'
import { createParsePool } from './parse-pool.ts'
import { customerMail } from './test-messages.ts'

const HOSTILE = new URL('./parse-worker.fixture.mjs', import.meta.url)

describe.each(testDialects())('ingesting mail parsed in worker threads on %s', (dialect) => {
  it('opens tickets as in-process parsing does; a message whose worker hangs or dies still reaches its ticket, with its parse warning', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const parser = createParsePool({ threads: 1, logger: deps.logger, entry: HOSTILE, timeoutMs: 1_000 })
    deps.emailParser = parser
    onTestFinished(() => parser.close())
    const inbox = await createInboxVia(app, account)
    const deliver = (raw: Buffer, from: string) => ingestRawEmail(deps, { inboxId: inbox.id, raw, source: 'smtp', envelopeFrom: from, envelopeTo: ['support@shop.example'] })
    const messagesOf = async (ticketId: string) => (await app.inject({ url: `/api/v1/tickets/${ticketId}/messages`, headers: account.agent.headers })).json().items

    const ok = await deliver(customerMail({ from: '山田 太郎 <taro@example.jp>', subject: '注文した商品が届きません', body: '注文番号 A-1 です。', messageId: 'q1@example.jp' }), 'taro@example.jp')
    expect(ok.outcome).toBe('ticket_created')
    expect((await messagesOf(ok.ticketId!))[0]).toMatchObject({ body: '注文番号 A-1 です。', metadata: { email: { from: { address: 'taro@example.jp', name: '山田 太郎' }, warnings: [] } } })

    // A reply that hangs its worker, relayed (envelope sender ≠ customer): still threaded, by headers read by hand.
    const reply = customerMail({ from: '山田 太郎 <taro@example.jp>', subject: 'Re: 注文', body: '本文は読めます', messageId: 'q2@example.jp', extra: ['In-Reply-To: <q1@example.jp>', 'X-Test-Worker: hang'] })
    expect(await deliver(reply, 'relay@forwarder.example')).toMatchObject({ outcome: 'appended', ticketId: ok.ticketId })
    const hung = (await messagesOf(ok.ticketId!))[1]
    expect(hung.body).toContain('本文は読めます')
    expect(hung.metadata.email).toMatchObject({ from: { address: 'taro@example.jp' }, warnings: ['parse.failed:timeout'] })

    const stranger = await deliver(customerMail({ from: 'hanako@example.jp', extra: ['X-Test-Worker: exit'] }), 'hanako@example.jp')
    expect(stranger.outcome).toBe('ticket_created')
    const row = await deps.db.selectFrom('raw_emails').select(['outcome', 'sender', 'parse_warnings']).where('ticket_id', '=', stranger.ticketId!).executeTakeFirstOrThrow()
    expect({ ...row, parse_warnings: String(typeof row.parse_warnings === 'string' ? row.parse_warnings : JSON.stringify(row.parse_warnings)) })
      .toEqual({ outcome: 'ticket_created', sender: 'hanako@example.jp', parse_warnings: '["parse.failed:worker_crashed"]' })
  }, 30_000)
})
