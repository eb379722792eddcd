import fs from 'node:fs'
import nodemailer from 'nodemailer'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { CORPUS_DIR, corpusEmails } from './corpus-files.ts'
import { createInboxVia } from './email-test-helpers.ts'
import { ingestRawEmail } from './ingest-raw-email.ts'
import { startSmtpServer } from './smtp-server.ts'

const haveCorpus = fs.existsSync(`${CORPUS_DIR}/MANIFEST.tsv`)

// Skipped only where the corpus is not checked out beside the repository.
describe.skipIf(!haveCorpus).each(testDialects())('the whole email corpus through ingest on %s', (dialect) => {
  it('stores every message; bounces and auto-replies make no ticket; everything else becomes or joins a ticket', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account, ['support@shop.example'], { throttlePerMinute: 10_000 })
    const outcomes: Record<string, number> = {}
    // All of it on SQLite; every third message on PostgreSQL keeps the suite's time reasonable.
    const emails = corpusEmails().filter((_e, i) => dialect === 'sqlite' || i % 3 === 0)
    for (const { file, tags } of emails) {
      const result = await ingestRawEmail(deps, { inboxId: inbox.id, raw: fs.readFileSync(file), source: 'api' })
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1
      if (result.outcome === 'bounce' || result.outcome === 'auto_reply' || result.outcome === 'refused') {
        expect(result.reason, file).toBeTruthy()
      }
      // A message the manifest calls a bounce never opens a ticket here.
      // (Except a person forwarding a bounce to support with their own words: that is a customer mail.)
      if (tags.includes('bounce') && !file.endsWith('bsd__lhost-sendmail-14.eml')) expect(result.outcome, file).not.toBe('ticket_created')
    }
    console.log(`[corpus-ingest:${dialect}] ${emails.length} messages`, outcomes)
    const raws = await deps.db.selectFrom('raw_emails').select(['outcome', 'ticket_id']).execute()
    // Every message is kept: duplicates (same Message-ID twice in the corpus) are the only ones not stored again.
    expect(raws.length).toBe(emails.length - (outcomes['duplicate'] ?? 0))
    expect(raws.filter((r) => r.outcome === 'received')).toHaveLength(0)
    const tickets = await deps.db.selectFrom('tickets').select('id').execute()
    expect(tickets.length).toBe(outcomes['ticket_created'])
  }, 300_000)

  it('takes a sample of the corpus over a real pooled SMTP session', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await createInboxVia(app, account, ['support@shop.example'], { throttlePerMinute: 10_000 })
    const smtp = await startSmtpServer(deps, { port: 0, host: '127.0.0.1' })
    onTestFinished(() => smtp.close())
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 4 })
    onTestFinished(() => mailer.close())
    const sample = corpusEmails().filter((_e, i) => i % 25 === 0)
    await Promise.all(sample.map(({ file }) => mailer.sendMail({ envelope: { from: 'relay@example.net', to: ['support@shop.example'] }, raw: fs.readFileSync(file) })))
    const deadline = Date.now() + 30_000
    let raws = await deps.db.selectFrom('raw_emails').select(['outcome']).execute()
    while (raws.some((r) => r.outcome === 'received') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
      raws = await deps.db.selectFrom('raw_emails').select(['outcome']).execute()
    }
    expect(raws.length).toBeGreaterThan(sample.length * 0.9)
    expect(raws.filter((r) => r.outcome === 'received')).toHaveLength(0)
  }, 120_000)
})
