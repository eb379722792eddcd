// Fails when the JavaScript the browser loads before the first screen exceeds the
// budget (issue: initial JS ≤ 250 KB gzipped). "Initial" = the entry scripts and
// modulepreloads named in dist/index.html; lazy chunks are not counted.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const BUDGET_BYTES = 250 * 1024
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist')
const indexFile = path.join(dist, 'index.html')
if (!fs.existsSync(indexFile)) {
  console.error('dist/index.html is missing: run `npm run build -w @madoguchi/web` first.')
  process.exit(1)
}
const html = fs.readFileSync(indexFile, 'utf8')
const urls = new Set()
for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(match[1])
for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(match[1])
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1])

const gz = (url) => zlib.gzipSync(fs.readFileSync(path.join(dist, url.replace(/^\//, '')))).length
let total = 0
for (const url of urls) {
  const size = gz(url)
  total += size
  console.log(`  ${url}  ${(size / 1024).toFixed(1)} KB gzip`)
}
const cssTotal = css.reduce((sum, url) => sum + gz(url), 0)
console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB); CSS: ${(cssTotal / 1024).toFixed(1)} KB gzip`)
if (urls.size === 0) {
  console.error('no entry script found in dist/index.html')
  process.exit(1)
}
if (total > BUDGET_BYTES) {
  console.error(`over budget by ${((total - BUDGET_BYTES) / 1024).toFixed(1)} KB`)
  process.exit(1)
}
