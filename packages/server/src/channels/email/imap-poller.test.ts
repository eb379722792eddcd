import fs from 'node:fs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { CORPUS_DIR } from './corpus-files.ts'
import { DOVECOT_BIN, startDovecot } from './dovecot.fixture.ts'
import { createInboxVia } from './email-test-helpers.ts'
import { imapClient, startImapPollers, syncImapMailbox } from './imap-poller.ts'
import { inboxSettingsOf } from './inbox-view.ts'
import { customerMail } from './test-messages.ts'

const corpusFile = (name: string) => fs.readFileSync(`${CORPUS_DIR}/email/${name}`)

// Needs Debian's dovecot-imapd (installed by .ci/run); skipped only where it is missing.
describe.skipIf(!DOVECOT_BIN).each(testDialects())('IMAP polling against a real dovecot on %s', (dialect) => {
  it('ingests unseen mail and flags it \\Seen only after it is stored', async () => {
    const imap = await startDovecot()
    onTestFinished(() => imap.stop())
    const { app, deps, account } = await startTestApp(dialect)
    const view = await createInboxVia(app, account, ['support@shop.example'], {
      imap: { host: '127.0.0.1', port: imap.port, secure: false, user: imap.user, password: imap.password, mailbox: 'INBOX' },
    })
    imap.deliver(corpusFile('jpmobile-jpmobile/pc-mail-single.eml'))
    imap.deliver(corpusFile('jpmobile-jpmobile/iphone-circled-numbers-in-jis.eml'))
    imap.deliver(corpusFile('sisimai-set-of-emails/bsd__lhost-postfix-48.eml'))
    const inbox = await deps.db.selectFrom('inboxes').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow()
    const settings = inboxSettingsOf(inbox).imap!

    // A first pass with the database gone stores nothing and leaves every message unseen.
    const client = imapClient(settings)
    await client.connect()
    onTestFinished(() => client.logout().catch(() => undefined))
    const failing = await syncImapMailbox({ ...deps, db: brokenDb() }, inbox, client, settings)
    expect(failing).toEqual({ ingested: 0, failed: 3 })
    expect((await client.search({ seen: false }, { uid: true })) || []).toHaveLength(3)

    expect(await syncImapMailbox(deps, inbox, client, settings)).toEqual({ ingested: 3, failed: 0 })
    expect((await client.search({ seen: false }, { uid: true })) || []).toHaveLength(0)
    const outcomes = await deps.db.selectFrom('raw_emails').select(['outcome', 'source']).orderBy('received_at').execute()
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['bounce', 'ticket_created', 'ticket_created'])
    expect(outcomes.every((o) => o.source === 'imap')).toBe(true)
    const subjects = (await deps.db.selectFrom('tickets').select('subject').execute()).map((t) => t.subject).sort()
    expect(subjects).toEqual(['タイトルの長いメールの場合の対処を実装するためのテストケースとしてのメールに含まれている件名であるサブジェクト部分', 'テスト①'])
    expect(await syncImapMailbox(deps, inbox, client, settings)).toEqual({ ingested: 0, failed: 0 })
  }, 60_000)

  it('picks up new mail through IDLE with the running poller', async () => {
    const imap = await startDovecot()
    onTestFinished(() => imap.stop())
    const { app, deps, account } = await startTestApp(dialect)
    await createInboxVia(app, account, ['support@shop.example'], {
      imap: { host: '127.0.0.1', port: imap.port, secure: false, user: imap.user, password: imap.password, mailbox: 'INBOX', moveTo: 'Processed' },
    })
    const client = imapClient({ host: '127.0.0.1', port: imap.port, secure: false, user: imap.user, password: imap.password, mailbox: 'INBOX' })
    await client.connect()
    await client.mailboxCreate('Processed')
    onTestFinished(() => client.logout().catch(() => undefined))
    const pollers = startImapPollers(deps, { rescanMs: 60_000, resyncMs: 60_000 })
    onTestFinished(() => pollers.close())
    await new Promise((r) => setTimeout(r, 500))
    // Delivered while the poller sits in IDLE: an APPEND is what the server notifies about.
    await client.append('INBOX', customerMail({ subject: 'IDLEで届いたメール', messageId: 'idle1@example.jp' }))
    const until = Date.now() + 15_000
    let tickets: { subject: string }[] = []
    while (Date.now() < until && tickets.length === 0) {
      await new Promise((r) => setTimeout(r, 200))
      tickets = await deps.db.selectFrom('tickets').select('subject').execute()
    }
    expect(tickets).toEqual([{ subject: 'IDLEで届いたメール' }])
    await new Promise((r) => setTimeout(r, 300))
    const status = await client.status('Processed', { messages: true })
    expect(status && status.messages).toBe(1)
  }, 60_000)
})

/** A database handle whose every query fails, as when the server is down. */
function brokenDb(): never {
  return new Proxy({}, { get: () => () => { throw new Error('database unavailable') } }) as never
}
