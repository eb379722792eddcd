// Worker thread of background-checkpoints.ts. JavaScript, because a worker thread
// starts without the TypeScript loader its parent registered, and this one needs
// nothing but better-sqlite3.
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'

const { filename, intervalMs } = workerData
const db = new SQLite(filename)

// PASSIVE: copies what it can without waiting for, or blocking, the writer or readers.
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
}, intervalMs)

parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort.close()
})
