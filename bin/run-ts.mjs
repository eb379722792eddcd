#!/usr/bin/env node
// Runs a TypeScript file with tsx: `node bin/run-ts.mjs bench/run-all.ts [args…]` (used by `npm run bench`).
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

const [file, ...rest] = process.argv.slice(2)
if (!file) {
  console.error('Usage: node bin/run-ts.mjs <file.ts> [args…]')
  process.exit(2)
}
register()
// The script sees its own path and arguments in process.argv, as if run directly.
process.argv = [process.argv[0], path.resolve(file), ...rest]
await import(pathToFileURL(path.resolve(file)).href)
