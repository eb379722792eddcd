import { describe, expect, it } from 'vitest'
import type { KbImageView } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'

// A 1×1 PNG, and bytes that claim to be one but are an SVG with script.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

describe.each(testDialects())('knowledge-base images on %s', (dialect) => {
  it('stores an uploaded image for staff and serves it publicly as a picture only', async () => {
    const { app, account } = await startTestApp(dialect)
    const upload = (bytes: Buffer, type: string, headers: Record<string, string> = account.agent.headers, filename = 'C:\\Users\\me\\返品ラベル.png') =>
      app.inject({ method: 'POST', url: `/api/v1/kb/images?filename=${encodeURIComponent(filename)}`, headers: { ...headers, 'content-type': type }, payload: bytes })

    const res = await upload(PNG, 'image/png')
    expect(res.statusCode, res.body).toBe(201)
    const image = res.json<KbImageView>()
    expect(image).toMatchObject({ url: `/help/images/${image.id}`, filename: '返品ラベル.png', contentType: 'image/png', size: PNG.length })

    const served = await app.inject({ url: image.url })
    expect(served.statusCode).toBe(200)
    expect(served.rawPayload.equals(PNG)).toBe(true)
    expect(served.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox" })

    // The bytes decide the type, not the header; SVG is never accepted.
    expect((await upload(PNG, 'image/gif')).json<KbImageView>().contentType).toBe('image/png')
    for (const [bytes, type] of [[SVG, 'image/png'], [Buffer.alloc(0), 'image/png']] as const) {
      const bad = await upload(bytes, type)
      expect(bad.statusCode, bad.body).toBe(422)
      expect(bad.json().error.code).toBe('kb.image_invalid')
    }
    expect((await upload(SVG, 'image/svg+xml')).statusCode).toBe(415)
    expect((await app.inject({ method: 'POST', url: '/api/v1/kb/images', headers: account.agent.headers, payload: { x: 1 } })).statusCode).toBe(415)
    expect((await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png')).statusCode).toBe(413)

    // Partners read the knowledge base but do not write it; strangers cannot upload.
    expect((await upload(PNG, 'image/png', account.partner.headers)).statusCode).toBe(403)
    expect((await upload(PNG, 'image/png', {})).statusCode).toBe(401)
    expect((await app.inject({ url: '/help/images/not-an-id' })).statusCode).toBe(404)
    expect((await app.inject({ url: '/help/images/0190f5a0-0000-7000-8000-000000000000' })).statusCode).toBe(404)
  })

  it('keeps a large image in the blob folder and serves the same bytes', async () => {
    const { app, account } = await startTestApp(dialect)
    const large = Buffer.concat([PNG, Buffer.alloc(300 * 1024, 7)])
    const res = await app.inject({ method: 'POST', url: '/api/v1/kb/images', headers: { ...account.agent.headers, 'content-type': 'image/png' }, payload: large })
    expect(res.statusCode, res.body).toBe(201)
    const image = res.json<KbImageView>()
    expect(image.filename).toBe('image')
    const served = await app.inject({ url: image.url })
    expect(served.rawPayload.equals(large)).toBe(true)
  })
})
