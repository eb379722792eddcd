import { SMTPServer } from 'smtp-server'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runDueJobs } from '../../jobs/run-jobs.ts'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { createInboxVia, postRawEmail } from './email-test-helpers.ts'
import { parseEmail } from './parse-email.ts'
import { customerMail } from './test-messages.ts'

interface Received { from: string; to: string[]; raw: Buffer }

/** A real SMTP server standing in for the company's relay; `reject` answers RCPT with that code. */
async function startSink(reject: { code: number } | null = null) {
  const received: Received[] = []
  const sink = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    // As the big Japanese relays do: they accept legacy docomo/au addresses.
    lenientAddressParsing: true,
    onRcptTo(_address, _session, callback) {
      callback(reject ? Object.assign(new Error(reject.code >= 500 ? 'mailbox unavailable' : 'try later'), { responseCode: reject.code }) : undefined)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) })
        callback()
      })
    },
  })
  const port = await new Promise<number>((resolve) => sink.listen(0, '127.0.0.1', () => resolve((sink.server.address() as { port: number }).port)))
  onTestFinished(() => new Promise<void>((r) => sink.close(() => r())))

  return { port, received }
}

describe.each(testDialects())('sending email on %s', (dialect) => {
  it('acknowledges a new ticket, sends the agent’s reply threaded with signature and CRN, and threads the answer back', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const sink = await startSink()
    const inbox = await createInboxVia(app, account, ['support@shop.example'], {
      fromName: 'ショップ サポート', signature: '株式会社ショップ\nお客様窓口', ackEnabled: true, smtp: { host: '127.0.0.1', port: sink.port, secure: false },
    })
    const created = await postRawEmail(app, account, inbox.id, customerMail({ from: '山田 太郎 <taro@example.jp>', subject: '返品について', messageId: 'c1@example.jp' }))
    await postRawEmail(app, account, inbox.id, customerMail({ subject: '自動返信', messageId: 'c2@example.jp', extra: ['Auto-Submitted: auto-replied'] }))
    await runDueJobs(deps)
    expect(sink.received).toHaveLength(1)
    const ack = await parseEmail(sink.received[0]!.raw)
    const ticket = (await app.inject({ url: `/api/v1/tickets/${created.ticketId}`, headers: account.agent.headers })).json()
    expect(ack.subject).toBe(`【受付完了】返品について [#${ticket.number}]`)
    expect(ack.headers['auto-submitted']).toEqual(['auto-replied'])
    expect(ack.inReplyTo).toEqual(['c1@example.jp'])
    expect(ack.text).toContain(`お客様番号: ${ticket.customer.crn}`)
    expect(sink.received[0]!.to).toEqual(['taro@example.jp'])

    const reply = await app.inject({ method: 'POST', url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: '山田様\n\n返品を承りました。①の商品は10〜12時に回収します。' } })
    expect(reply.json().deliveryStatus).toBe('queued')
    await runDueJobs(deps)
    expect(sink.received).toHaveLength(2)
    const sent = await parseEmail(sink.received[1]!.raw)
    expect(sent.from).toEqual({ address: 'support@shop.example', name: 'ショップ サポート' })
    expect(sent.subject).toBe(`Re: 返品について [#${ticket.number}]`)
    expect(sent.messageId).toBe(`${reply.json().id}@shop.example`)
    expect(sent.inReplyTo).toEqual(['c1@example.jp'])
    // The acknowledgement went into the thread too, so it is referenced after the customer's mail.
    expect(sent.references).toEqual(['c1@example.jp', expect.stringMatching(/^ack\..+@shop\.example$/)])
    expect(sent.replyTo[0]?.address).toMatch(new RegExp(`^support\\+t${ticket.number}k[a-v0-9]{8}@shop\\.example$`))
    expect(sent.text.replace(/\r\n/g, '\n')).toBe(`山田様\n\n返品を承りました。①の商品は10〜12時に回収します。\n\n-- \n株式会社ショップ\nお客様窓口\n\nお客様番号: ${ticket.customer.crn}（お問い合わせの際にお伝えください）`)
    expect(sink.received[1]!.raw.toString('latin1')).toMatch(/Content-Type: text\/plain; charset=UTF-8/)
    const messages = (await app.inject({ url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers })).json().items
    expect(messages.find((m: { id: string }) => m.id === reply.json().id).deliveryStatus).toBe('sent')

    const answer = customerMail({ from: 'taro@example.jp', subject: 'Re: 返品について', messageId: 'c3@example.jp', extra: [`In-Reply-To: <${sent.messageId}>`] })
    expect(await postRawEmail(app, account, inbox.id, answer)).toMatchObject({ outcome: 'appended', ticketId: created.ticketId })
  })

  it('answers a legacy Japanese mobile address (taro..yamada.@docomo.ne.jp) that RFC 5322 would refuse', async () => {
    const { app, account, deps } = await startTestApp(dialect)
    const sink = await startSink()
    const inbox = await createInboxVia(app, account, ['support@shop.example'], { smtp: { host: '127.0.0.1', port: sink.port, secure: false } })
    const created = await postRawEmail(app, account, inbox.id, customerMail({ from: '山田 太郎 <Taro..Yamada.@docomo.ne.jp>', subject: '機種変更について', messageId: 'docomo1@docomo.ne.jp' }))
    expect(created.outcome).toBe('ticket_created')
    const ticket = (await app.inject({ url: `/api/v1/tickets/${created.ticketId}`, headers: account.agent.headers })).json()
    const found = await app.inject({ url: '/api/v1/customers/lookup?email=taro..yamada.@docomo.ne.jp', headers: account.agent.headers })
    expect(found.json().id).toBe(ticket.customer.id)

    await app.inject({ method: 'POST', url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: '山田様\n\n承知しました。' } })
    await runDueJobs(deps)
    expect(sink.received.map((m) => m.to)).toEqual([['taro..yamada.@docomo.ne.jp']])
  })

  it('sends ISO-2022-JP when the inbox asks for it, keeping ① and ～', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const sink = await startSink()
    const inbox = await createInboxVia(app, account, ['support@shop.example'], { charset: 'iso-2022-jp', fromName: '窓口', smtp: { host: '127.0.0.1', port: sink.port, secure: false } })
    const created = await postRawEmail(app, account, inbox.id, customerMail({ subject: '配送日時', messageId: 'j1@example.jp' }))
    await app.inject({ method: 'POST', url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: '①10～12時に伺います。' } })
    await runDueJobs(deps)
    const raw = sink.received[0]!.raw
    expect(raw.every((b) => b < 0x80)).toBe(true)
    expect(raw.toString('latin1')).toContain('Content-Type: text/plain; charset=ISO-2022-JP')
    const parsed = await parseEmail(raw)
    expect(parsed.subject).toBe('Re: 配送日時 [#1]')
    expect(parsed.from?.name).toBe('窓口')
    expect(parsed.text.split('\n')[0]).toBe('①10～12時に伺います。')
    // No line over 998 octets even for a long unbroken Japanese paragraph.
    const long = await app.inject({ method: 'POST', url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: 'あ'.repeat(1000) } })
    expect(long.statusCode).toBe(201)
    await runDueJobs(deps)
    const longRaw = sink.received[1]!.raw.toString('latin1')
    expect(Math.max(...longRaw.split('\r\n').map((l) => l.length))).toBeLessThan(998)
    expect((await parseEmail(sink.received[1]!.raw)).text.replace(/\n/g, '')).toContain('あ'.repeat(1000))
  })

  it('marks a reply failed with the relay’s reason on a permanent refusal, and retries a temporary one', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const refusing = await startSink({ code: 550 })
    const inbox = await createInboxVia(app, account, ['support@shop.example'], { smtp: { host: '127.0.0.1', port: refusing.port, secure: false } })
    const created = await postRawEmail(app, account, inbox.id, customerMail({ messageId: 'p1@example.jp' }))
    const reply = await app.inject({ method: 'POST', url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: 'hello' } })
    await runDueJobs(deps)
    const failed = await deps.db.selectFrom('messages').select(['delivery_status', 'delivery_error']).where('id', '=', reply.json().id).executeTakeFirstOrThrow()
    expect(failed.delivery_status).toBe('failed')
    expect(failed.delivery_error).toMatch(/550.*mailbox unavailable/)

    const busy = await startSink({ code: 451 })
    await app.inject({ method: 'PATCH', url: `/api/v1/inboxes/${inbox.id}`, headers: account.admin.headers, payload: { settings: { smtp: { host: '127.0.0.1', port: busy.port, secure: false } } } })
    const second = await app.inject({ method: 'POST', url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: 'again' } })
    await runDueJobs(deps)
    const job = await deps.db.selectFrom('jobs').select(['status', 'attempts', 'last_error', 'run_at']).where('type', '=', 'message.deliver').where('dedupe_key', '=', second.json().id).executeTakeFirstOrThrow()
    // `failed` = waiting for its retry (backoff), not given up.
    expect(job).toMatchObject({ status: 'failed', attempts: 1 })
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(Date.now())
    expect(job.last_error).toMatch(/451/)
    const queued = await deps.db.selectFrom('messages').select('delivery_status').where('id', '=', second.json().id).executeTakeFirstOrThrow()
    expect(queued.delivery_status).toBe('queued')
  })
})
