import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import { sql } from 'kysely'
import type { Logger } from 'pino'
import type { DatabaseConfig } from '../config.ts'
import type { Db } from './database.ts'

/** SQLite's own default: the writer checkpoints once the WAL holds this many pages. */
const WRITER_CHECKPOINT_PAGES = 1000
/** While the worker keeps up the writer never gets there; if it stalls, the WAL still stays bounded (~40 MB). */
const FALLBACK_CHECKPOINT_PAGES = 10_000
const INTERVAL_MS = 100

export interface BackgroundCheckpoints {
  stop(): Promise<void>
}

/**
 * SQLite in WAL mode appends every commit to the -wal file; a checkpoint copies those
 * pages back into the database file and fsyncs it. By default the connection that
 * commits does this itself, every 1,000 pages: on the server's one event loop, so
 * every request waited for the copy and the fsync (~25 µs of CPU per ticket created,
 * docs/benchmarks.md). Here a worker thread with its own connection does it every
 * 100 ms, on the other core. For `madoguchi start` (and its benchmark); one-shot
 * commands and tests keep SQLite's default. A no-op on PostgreSQL.
 */
export async function startBackgroundCheckpoints(db: Db, config: DatabaseConfig, logger: Logger): Promise<BackgroundCheckpoints> {
  if (config.dialect !== 'sqlite' || config.filename === ':memory:') return { stop: async () => undefined }
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { filename: config.filename, intervalMs: INTERVAL_MS } })
  worker.on('message', (message: { error?: string }) => logger.warn({ error: message.error }, 'background checkpoint failed'))
  let running = true
  const writerCheckpoints = (pages: number) => sql.raw(`pragma wal_autocheckpoint = ${pages}`).execute(db)
  worker.once('error', (error) => {
    running = false
    logger.error({ err: error }, 'background checkpoints stopped; the writer checkpoints again')
    void writerCheckpoints(WRITER_CHECKPOINT_PAGES).catch(() => undefined)
  })
  try {
    await once(worker, 'online')
  } catch {
    return { stop: async () => undefined }
  }
  await writerCheckpoints(FALLBACK_CHECKPOINT_PAGES)

  return {
    async stop() {
      if (!running) return
      running = false
      await writerCheckpoints(WRITER_CHECKPOINT_PAGES)
      const exited = once(worker, 'exit')
      worker.postMessage('stop')
      await exited
    },
  }
}
