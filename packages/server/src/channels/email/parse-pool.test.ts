import fs from 'node:fs'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { CORPUS_DIR, corpusEmails } from './corpus-files.ts'
import type { EmailParser } from './email-parser.ts'
import { parseEmail } from './parse-email.ts'
import { createParsePool } from './parse-pool.ts'
import type { ParsePoolOptions } from './parse-pool.ts'
import { customerMail } from './test-messages.ts'

const HOSTILE = new URL('./parse-worker.fixture.mjs', import.meta.url)
const logger = pino({ level: 'silent' })
const pools: EmailParser[] = []
const pool = (options: Partial<ParsePoolOptions> = {}) => {
  const created = createParsePool({ threads: 1, logger, ...options })
  pools.push(created)

  return created
}
const hostile = (mode: string) => customerMail({ subject: '壊れたメール', body: '本文は読めます', extra: [`X-Test-Worker: ${mode}`] })

/** mailparser writes the current time into a Date line it makes up for some embedded messages. */
const withoutToday = (value: unknown): unknown => {
  const today = new Date().toUTCString().slice(0, 16)

  return JSON.parse(JSON.stringify(value).replaceAll(new RegExp(`${today} \\d\\d:\\d\\d:\\d\\d GMT`, 'g'), 'today'))
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

describe('email parse worker pool', () => {
  it.skipIf(!fs.existsSync(path.join(CORPUS_DIR, 'MANIFEST.tsv')))('gives the same ParsedEmail as parsing in-process, for every corpus message', async () => {
    // No queue limit: every message goes through a worker, none is parsed here instead.
    const workers = pool({ threads: 2, maxQueue: Infinity })
    const raws = corpusEmails().map(({ file }) => fs.readFileSync(file))
    const options = { maxAttachmentBytes: 64 * 1024 }
    const viaPool = await Promise.all(raws.map((raw) => workers.parse(raw, options)))
    for (const [i, raw] of raws.entries()) {
      const parsed = viaPool[i]!
      expect(withoutToday(parsed)).toEqual(withoutToday(await parseEmail(raw, options)))
      for (const a of parsed.attachments) if (a.content) expect(Buffer.isBuffer(a.content)).toBe(true)
    }
    expect(raws.length).toBeGreaterThan(1000)
  }, 120_000)

  it('moves attachments to the main thread intact', async () => {
    const file = Buffer.alloc(300_000, 7)
    const raw = Buffer.from([
      'From: a@example.jp', 'Subject: file', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'see attached', '--b',
      'Content-Type: application/pdf; name="a.pdf"', 'Content-Disposition: attachment; filename="a.pdf"', 'Content-Transfer-Encoding: base64', '',
      file.toString('base64').replace(/.{76}/g, '$&\r\n'), '--b--', '',
    ].join('\r\n'))
    const parsed = await pool().parse(raw, {})
    expect(parsed.attachments).toHaveLength(1)
    expect(parsed.attachments[0]!.content!.equals(file)).toBe(true)
    expect(parsed).toEqual(await parseEmail(raw, {}))
  })

  it('stores a message whose worker hangs, exits or throws as unparsed, with the reason, and keeps working', async () => {
    const workers = pool({ entry: HOSTILE, timeoutMs: 1_000 })
    for (const [mode, reason] of [['hang', 'timeout'], ['exit', 'worker_crashed'], ['uncaught', 'worker_crashed']] as const) {
      const parsed = await workers.parse(hostile(mode), {})
      expect(parsed.warnings).toEqual([`parse.failed:${reason}`])
      expect(parsed.text).toContain('本文は読めます')
      // The replacement worker parses the next message normally.
      const next = await workers.parse(customerMail({ subject: `次 ${mode}` }), {})
      expect(next).toMatchObject({ subject: `次 ${mode}`, warnings: [] })
    }
  }, 30_000)

  it('parses the innocent messages of a batch whose worker hung; only the hostile one is stored unparsed', async () => {
    const workers = pool({ entry: HOSTILE, timeoutMs: 1_000 })
    const batch = await Promise.all([workers.parse(customerMail({ subject: '前' }), {}), workers.parse(hostile('hang'), {}), workers.parse(customerMail({ subject: '後' }), {})])
    expect(batch.map((e) => [e.subject, e.warnings])).toEqual([['前', []], ['壊れたメール', ['parse.failed:timeout']], ['後', []]])
  }, 30_000)

  it('bounds its queue: past it, a message is parsed on the calling thread instead of waiting', async () => {
    const workers = pool({ entry: HOSTILE, timeoutMs: 2_000, maxQueue: 1 })
    await workers.parse(customerMail(), {}) // workers started
    const stuck = workers.parse(hostile('hang'), {})
    const queued = workers.parse(customerMail({ subject: 'queued' }), {})
    const overflow = await Promise.race([workers.parse(customerMail({ subject: 'overflow' }), {}), stuck.then(() => null)])
    expect(overflow).toMatchObject({ subject: 'overflow', warnings: [] })
    expect((await stuck).warnings).toEqual(['parse.failed:timeout'])
    expect(await queued).toMatchObject({ subject: 'queued', warnings: [] })
  }, 30_000)

  it('parses on the calling thread when its workers cannot start, and after close', async () => {
    const broken = pool({ entry: new URL('./no-such-worker.mjs', import.meta.url) })
    expect(await broken.parse(customerMail({ subject: 'no workers' }), {})).toMatchObject({ subject: 'no workers', warnings: [] })
    const workers = pool()
    await workers.parse(customerMail(), {})
    await workers.close()
    expect(await workers.parse(customerMail({ subject: 'after close' }), {})).toMatchObject({ subject: 'after close', warnings: [] })
  })
})
