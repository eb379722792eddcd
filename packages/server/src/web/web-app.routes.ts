import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { AppError } from '../lib/app-error.ts'

/** `packages/web/dist`, as `npm run build -w @madoguchi/web` writes it. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url))

// Vite names assets by content hash: a changed file gets a new name, so browsers may
// keep them forever. index.html names the current hashes, so it must be revalidated.
const ASSET_MAX_AGE = '365d'

/**
 * What the agent app may load. Vite emits no inline scripts; inline *styles* are
 * used by the virtualized list (row positions). `connect-src 'self'` covers the
 * same-origin WebSocket.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

function notBuiltPage(distDir: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Madoguchi — web app not built</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#1d2630}code{background:#eef0f3;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>The agent web app has not been built yet</h1>
<p>The API is running (see <a href="/api/docs">/api/docs</a>), but <code>${distDir.replace(/[<>&]/g, '')}</code> does not exist.</p>
<p>Build it once with:</p><pre><code>npm run build -w @madoguchi/web</code></pre><p>then reload this page.</p>
<hr><p lang="ja">エージェント用の画面がまだビルドされていません。<code>npm run build -w @madoguchi/web</code> を実行してから再読み込みしてください。</p>
</body></html>`
}

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY')
}

/**
 * Serves the built agent app at `/`: hashed files under /assets/ with a year-long
 * immutable cache, other top-level files (favicon) briefly cached, and index.html
 * (never cached) for every client route such as /tickets/…, so reloads and deep
 * links work. The files are looked up per request: building while the server runs
 * is enough, no restart needed.
 */
export async function webAppRoutes(app: FastifyInstance, options: { distDir?: string } = {}): Promise<void> {
  const distDir = path.resolve(options.distDir ?? DEFAULT_WEB_DIST)
  const assetsDir = path.join(distDir, 'assets')
  const indexFile = path.join(distDir, 'index.html')

  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/assets/',
    immutable: true,
    maxAge: ASSET_MAX_AGE,
    index: false,
    wildcard: true,
    // The folder may appear later (first build after start); no start-up warning.
    logLevel: 'error',
  })

  app.get<{ Params: { '*': string } }>('/*', { config: { access: 'public' } }, async (request, reply) => {
    const wanted = request.params['*'] ?? ''
    // Unknown API paths keep their JSON 404; so do missing files such as /app.js.
    if (wanted === 'api' || wanted.startsWith('api/') || wanted.startsWith('assets/')) throw new AppError('request.not_found')
    if (path.extname(wanted)) {
      const file = path.resolve(distDir, wanted)
      if (file.startsWith(distDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(distDir, file), distDir, { maxAge: 3_600_000, immutable: false })
      }
      throw new AppError('request.not_found')
    }
    if (!fs.existsSync(indexFile)) {
      return securityHeaders(reply).status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuiltPage(distDir))
    }

    return securityHeaders(reply).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.createReadStream(indexFile))
  })
}
