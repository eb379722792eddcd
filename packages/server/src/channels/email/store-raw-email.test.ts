import { describe, expect, it } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { countingDeps } from '../../test/statement-counter.ts'
import { startTestApp } from '../../test/test-app.ts'
import { createInboxVia } from './email-test-helpers.ts'
import type { InboxRow } from './email.table.ts'
import { ingestRawEmail } from './ingest-raw-email.ts'
import { storeRawEmail } from './store-raw-email.ts'
import { customerMail } from './test-messages.ts'

describe.each(testDialects())('mail arriving together on %s', (dialect) => {
  it('is stored together, each message once; a row the database refuses fails alone', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const view = await createInboxVia(app, account)
    const inbox = await deps.db.selectFrom('inboxes').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow()
    // An inbox that is not in the database: its row breaks the foreign key, and with it the shared INSERT.
    const gone: InboxRow = { ...inbox, id: 'no-such-inbox' }
    const a = customerMail({ messageId: 'same@example.jp' })
    const envelope = { source: 'smtp' as const }
    const results = await Promise.allSettled([
      storeRawEmail(deps, inbox, a, envelope),
      storeRawEmail(deps, inbox, a, envelope),
      storeRawEmail(deps, gone, customerMail({ messageId: 'lost@example.jp' }), envelope),
      storeRawEmail(deps, inbox, customerMail({ messageId: 'other@example.jp' }), envelope),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    const [first, second, , other] = results.map((r) => (r.status === 'fulfilled' ? r.value : null))
    expect(first).toMatchObject({ stored: true })
    // The redelivery in the same turn finds the first one's row.
    expect(second).toMatchObject({ stored: false, existing: { id: first!.stored ? first!.row.id : '' } })
    expect(other).toMatchObject({ stored: true })
    const rows = await deps.db.selectFrom('raw_emails').select('message_id_header').orderBy('message_id_header').execute()
    expect(rows.map((r) => r.message_id_header)).toEqual(['other@example.jp', 'same@example.jp'])
  })

  it('takes about one statement per message when many arrive at once (raw row, throttle count and outcome batched)', async () => {
    const ctx = await startTestApp(dialect)
    const view = await createInboxVia(ctx.app, ctx.account)
    const { deps, counter } = countingDeps(ctx.deps)
    const mails = Array.from({ length: 24 }, (_, i) => customerMail({ from: `customer${i}@example.jp`, messageId: `m${i}@example.jp`, subject: `件名 ${i}` }))
    const results = await Promise.all(mails.map((raw) => ingestRawEmail(deps, { inboxId: view.id, raw, source: 'api' })))
    expect(results.map((r) => r.outcome)).toEqual(mails.map(() => 'ticket_created'))
    const rows = await ctx.deps.db.selectFrom('raw_emails').select(['outcome', 'ticket_id', 'message_id', 'sender', 'processed_at']).execute()
    expect(rows).toHaveLength(24)
    for (const row of rows) {
      expect(row).toMatchObject({ outcome: 'ticket_created', ticket_id: expect.any(String), message_id: expect.any(String), processed_at: expect.any(String) })
      expect(row.sender).toMatch(/^customer\d+@example\.jp$/)
    }
    // Measured: 16 statements on PostgreSQL, 45 on SQLite (savepoints included). With a raw insert, a
    // throttle upsert and an outcome update per message they were 104 and 183.
    expect(counter.count).toBeLessThan(dialect === 'postgres' ? 30 : 80)
  })
})
