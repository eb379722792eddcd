import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The third-party message corpus (fixtures/corpus/README.md), a byte-for-byte copy
 * of the shared one kept in the repository so every clone tests against it.
 */
export const CORPUS_DIR = process.env.MADOGUCHI_CORPUS_DIR ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../fixtures/corpus')

export function corpusEmails(): Array<{ file: string; tags: string[] }> {
  return fs.readFileSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[0]!.startsWith('email/'))
    .map((cols) => ({ file: path.join(CORPUS_DIR, cols[0]!), tags: cols[4]!.split(',').filter(Boolean) }))
}

