import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { startBackgroundCheckpoints } from './background-checkpoints.ts'
import { createDb } from './create-db.ts'
import type { Db } from './database.ts'

// SQLite only: on PostgreSQL there is nothing to do (startBackgroundCheckpoints is a no-op there).
describe('background checkpoints (SQLite)', () => {
  let dir: string
  let db: Db
  afterEach(async () => {
    await db?.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const autocheckpoint = async () => Number(Object.values((await sql`pragma wal_autocheckpoint`.execute(db)).rows[0] as object)[0])

  it('copies committed pages into the database file while the writer only appends, and hands the job back on stop', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'madoguchi-ckpt-'))
    const filename = path.join(dir, 'test.db')
    db = createDb({ dialect: 'sqlite', filename })
    await sql`create table filler (body text not null)`.execute(db)
    const checkpoints = await startBackgroundCheckpoints(db, { dialect: 'sqlite', filename }, pino({ level: 'silent' }))
    // The writer would not checkpoint these ~1,500 pages itself any more.
    expect(await autocheckpoint()).toBe(10_000)
    const before = fs.statSync(filename).size
    for (let i = 0; i < 60; i++) await sql`insert into filler (body) values (${'x'.repeat(100_000)})`.execute(db)

    const deadline = Date.now() + 5_000
    while (fs.statSync(filename).size < before + 5_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(fs.statSync(filename).size).toBeGreaterThan(before + 5_000_000)

    await checkpoints.stop()
    expect(await autocheckpoint()).toBe(1_000)
  })
})
