import fs from 'node:fs/promises'
import path from 'node:path'
import type { Deps } from '../../deps.ts'

/** Bytes up to this size live in the database row; larger ones in a file. */
export const INLINE_BLOB_MAX = 256 * 1024

export interface StoredBlob {
  content: Buffer | null
  storageKey: string | null
}

/**
 * Keeps bytes durably before the row that points at them commits. Small blobs go
 * into the row itself (one commit, replicated with the database); large ones to a
 * content-addressed file, fsync'd (file and folder) first, so a crash can leave an
 * orphan file but never a row pointing at nothing. Same bytes, same file: storing
 * twice is harmless.
 */
export async function storeBlob(deps: Pick<Deps, 'config'>, bytes: Buffer, sha256: string): Promise<StoredBlob> {
  if (bytes.length <= INLINE_BLOB_MAX) return { content: bytes, storageKey: null }
  const key = `${sha256.slice(0, 2)}/${sha256}`
  const file = blobPath(deps, key)
  const dir = path.dirname(file)
  await fs.mkdir(dir, { recursive: true })
  const exists = await fs.stat(file).then((s) => s.size === bytes.length, () => false)
  if (!exists) {
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`
    const handle = await fs.open(temp, 'w')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, file)
    const dirHandle = await fs.open(dir, 'r')
    await dirHandle.sync().finally(() => dirHandle.close())
  }

  return { content: null, storageKey: key }
}

export async function readBlob(deps: Pick<Deps, 'config'>, stored: StoredBlob): Promise<Buffer> {
  if (stored.content) return Buffer.from(stored.content)
  if (!stored.storageKey) return Buffer.alloc(0)

  return fs.readFile(blobPath(deps, stored.storageKey))
}

function blobPath(deps: Pick<Deps, 'config'>, key: string): string {
  if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('invalid blob key')

  return path.join(deps.config.dataDir, 'blobs', key)
}
