import { ImapFlow } from 'imapflow'
import type { InboxSettings } from '@madoguchi/shared'
import type { Deps } from '../../deps.ts'
import type { InboxRow } from './email.table.ts'
import { inboxSettingsOf } from './inbox-view.ts'
import { ingestRawEmail } from './ingest-raw-email.ts'

type ImapSettings = NonNullable<InboxSettings['imap']>

export interface ImapSyncResult {
  ingested: number
  failed: number
}

/**
 * One pass over an IMAP mailbox: every unseen message is ingested, and only once it
 * is stored (whatever became of it) is it flagged \Seen or moved away. A message
 * whose storing fails stays unseen and is picked up by the next pass.
 */
export async function syncImapMailbox(deps: Deps, inbox: InboxRow, client: ImapFlow, imap: ImapSettings): Promise<ImapSyncResult> {
  const lock = await client.getMailboxLock(imap.mailbox)
  let ingested = 0
  let failed = 0
  try {
    const uids = (await client.search({ seen: false }, { uid: true })) || []
    for (const uid of uids) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true })
      if (!message || !message.source) continue
      try {
        await ingestRawEmail(deps, { inboxId: inbox.id, raw: message.source, source: 'imap' })
      } catch (error) {
        failed++
        deps.logger.error({ err: error, inboxId: inbox.id, uid }, 'imap: storing a message failed; it stays unseen')
        continue
      }
      if (imap.moveTo) await client.messageMove(String(uid), imap.moveTo, { uid: true })
      else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true })
      ingested++
    }
  } finally {
    lock.release()
  }

  return { ingested, failed }
}

export function imapClient(imap: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: imap.host, port: imap.port, secure: imap.secure, auth: { user: imap.user, pass: imap.password },
    logger: false, emitLogs: false,
    // Plain IMAP on a private network (or a test server) must not be upgraded by force.
    doSTARTTLS: imap.secure ? undefined : false,
  })
}

export interface ImapPollers {
  close(): Promise<void>
}

/**
 * Keeps one IMAP connection per inbox that has IMAP settings: a sync at start, then
 * IDLE, syncing whenever the server reports new mail (and every few minutes in case
 * a notification was missed). Reconnects with backoff; picks up inboxes added or
 * changed since, every minute.
 */
export function startImapPollers(deps: Deps, options: { rescanMs?: number; resyncMs?: number } = {}): ImapPollers {
  const running = new Map<string, { key: string; stop: () => Promise<void> }>()
  const rescan = async () => {
    const inboxes = await deps.db.selectFrom('inboxes').selectAll().where('channel', '=', 'email').where('active', '=', 1).execute()
    const wanted = new Map(inboxes.flatMap((i) => {
      const imap = inboxSettingsOf(i).imap

      return imap ? [[i.id, { inbox: i, imap, key: JSON.stringify(imap) }] as const] : []
    }))
    for (const [id, poller] of running) {
      if (wanted.get(id)?.key !== poller.key) {
        running.delete(id)
        await poller.stop()
      }
    }
    for (const [id, { inbox, imap, key }] of wanted) {
      if (!running.has(id)) running.set(id, { key, stop: pollForever(deps, inbox, imap, options.resyncMs ?? 300_000) })
    }
  }
  const tick = () => rescan().catch((error: unknown) => deps.logger.error({ err: error }, 'imap: rescan failed'))
  void tick()
  const timer = setInterval(() => void tick(), options.rescanMs ?? 60_000)

  return {
    async close() {
      clearInterval(timer)
      await Promise.all([...running.values()].map((p) => p.stop()))
      running.clear()
    },
  }
}

function pollForever(deps: Deps, inbox: InboxRow, imap: ImapSettings, resyncMs: number): () => Promise<void> {
  let stopped = false
  let client: ImapFlow | null = null
  let wake: () => void = () => {}
  const loop = (async () => {
    for (let failures = 0; !stopped; ) {
      try {
        client = imapClient(imap)
        await client.connect()
        failures = 0
        let pending = Promise.resolve()
        const sync = () => (pending = pending.then(() => syncImapMailbox(deps, inbox, client!, imap).then(() => undefined)))
        client.on('exists', () => void sync())
        await sync()
        const timer = setInterval(() => void sync(), resyncMs)
        await new Promise<void>((resolve) => client!.once('close', () => resolve()))
        clearInterval(timer)
      } catch (error) {
        failures++
        deps.logger.warn({ err: error, inboxId: inbox.id }, 'imap: connection failed, retrying')
      }
      if (!stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(60_000, 1000 * 2 ** failures))
          // stop() must not wait out a reconnect delay.
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
    }
  })()

  return async () => {
    stopped = true
    wake()
    await client?.logout().catch(() => client?.close())
    await loop
  }
}
