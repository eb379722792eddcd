#!/usr/bin/env node
// Runs before `npm start`: builds the agent app (packages/web → dist/) when dist is
// missing or older than its sources, so a fresh clone needs only `npm install && npm start`.
// A failed build does not stop the server: the API still starts, and this says why the UI is missing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const web = path.join(root, 'packages/web')
const builtIndex = path.join(web, 'dist/index.html')

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs

  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))))
}

if (!fs.existsSync(path.join(web, 'package.json'))) process.exit(0)
const sources = ['src', 'index.html', 'public', 'vite.config.ts', 'package.json'].map((p) => newestMtime(path.join(web, p)))
const built = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0
if (built >= Math.max(...sources)) process.exit(0)

console.log(built ? 'Agent app sources changed: rebuilding packages/web…' : 'Building the agent app (packages/web) once…')
const result = spawnSync('npm', ['run', 'build', '-w', '@madoguchi/web'], { cwd: root, stdio: 'inherit' })
if (result.status !== 0) {
  console.warn('\nWARNING: the agent app could not be built; the API starts anyway. Run `npm run build -w @madoguchi/web` to see why.\n')
}
