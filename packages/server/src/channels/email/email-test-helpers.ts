import type { FastifyInstance } from 'fastify'
import type { InboxSettings, InboxView, RawEmailResult } from '@madoguchi/shared'
import type { TestAccount } from '../../test/fixtures.ts'

/** Creates an inbox through the API as the account's admin. */
export async function createInboxVia(app: FastifyInstance, account: TestAccount, addresses = ['support@shop.example'], settings: Partial<InboxSettings> = {}): Promise<InboxView> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/inboxes', headers: account.admin.headers, payload: { name: 'Support', channel: 'email', addresses, settings } })
  if (res.statusCode !== 201) throw new Error(`inbox create failed: ${res.statusCode} ${res.body}`)

  return res.json()
}

/** Delivers a raw message through POST /inboxes/:id/raw-email. */
export async function postRawEmail(app: FastifyInstance, account: TestAccount, inboxId: string, raw: Buffer): Promise<RawEmailResult> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/inboxes/${inboxId}/raw-email`, headers: { ...account.admin.headers, 'content-type': 'message/rfc822' }, payload: raw })
  if (res.statusCode !== 200) throw new Error(`raw-email failed: ${res.statusCode} ${res.body}`)

  return res.json()
}
