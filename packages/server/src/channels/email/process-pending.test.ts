import { CompiledQuery, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { runDueJobs } from '../../jobs/run-jobs.ts'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { createInboxVia } from './email-test-helpers.ts'
import { unprocessedRawEmails } from './raw-email.repo.ts'
import { storeRawEmail } from './store-raw-email.ts'
import { customerMail } from './test-messages.ts'

describe.each(testDialects())('recovering stored but unprocessed mail on %s', (dialect) => {
  it('email.process_pending turns a message stored before a crash into its ticket, and it can be downloaded as it arrived', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const view = await createInboxVia(app, account)
    const inbox = await deps.db.selectFrom('inboxes').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow()
    const raw = customerMail({ subject: '停電前に届いたメール', messageId: 'before-crash@example.jp' })
    // What a node leaves behind when it dies right after answering 250: the raw row only.
    const stored = await storeRawEmail({ ...deps, clock: { now: () => new Date(Date.now() - 5 * 60_000) } }, inbox, raw, { source: 'smtp' })
    expect(stored.stored).toBe(true)
    await deps.db.insertInto('jobs').values({
      id: '00000000-0000-7000-8000-000000000001', account_id: null, type: 'email.process_pending', payload: 'null', status: 'pending',
      dedupe_key: 'test', run_at: new Date(0).toISOString(), last_error: null, locked_by: null, locked_until: null,
      created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
    }).execute()
    await runDueJobs(deps)
    const row = await deps.db.selectFrom('raw_emails').select(['id', 'outcome', 'ticket_id']).executeTakeFirstOrThrow()
    expect(row.outcome).toBe('ticket_created')
    const ticket = await deps.db.selectFrom('tickets').select('subject').where('id', '=', row.ticket_id!).executeTakeFirstOrThrow()
    expect(ticket.subject).toBe('停電前に届いたメール')

    const original = await app.inject({ url: `/api/v1/raw-emails/${row.id}`, headers: account.agent.headers })
    expect(original.statusCode).toBe(200)
    expect(original.headers['content-type']).toBe('message/rfc822')
    expect(original.rawPayload.equals(raw)).toBe(true)
    expect((await app.inject({ url: `/api/v1/raw-emails/${row.id}`, headers: account.partner.headers })).statusCode).toBe(403)
  })

  it('finds the mail left unprocessed through an index that holds only such mail', async () => {
    const { deps } = await startTestApp(dialect)
    if (dialect === 'sqlite') {
      // The sweep's own query uses the partial index.
      const { sql: text, parameters } = unprocessedRawEmails(deps.db, new Date().toISOString(), 200).compile()
      const plan = await deps.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, [...parameters]))
      expect(plan.rows.map((r) => r.detail).join(' ')).toContain('raw_emails_pending_idx')
      const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'raw_emails_pending_idx'`.execute(deps.db)
      expect(rows[0]!.sql).toContain(`where outcome = 'received'`)
    } else {
      const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'raw_emails_pending_idx' and schemaname = current_schema()`.execute(deps.db)
      expect(rows[0]!.indexdef).toContain(`WHERE (outcome = 'received'::text)`)
    }
  })
})
