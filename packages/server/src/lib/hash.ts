import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** Secrets that are long and random (session ids, API tokens) are stored as sha256. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)

  return x.length === y.length && timingSafeEqual(x, y)
}
