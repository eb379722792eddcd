import argon2 from 'argon2'
import { randomBytes } from 'node:crypto'

/**
 * argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane): about 60 ms
 * here, so login stays fast on a 2-core node while offline guessing stays costly.
 * The parameters are stored in each hash, so raising them later keeps old hashes valid.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS)
}

/** False (never a throw) for a wrong password or a malformed stored hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | null = null

/**
 * Verifies against a throwaway hash with the same parameters, so that "no such
 * email" costs as long as "wrong password" and response times reveal nothing.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  await verifyPassword(await dummyHash, password)

  return false
}

// No 0/O, 1/l/I: temporary passwords are read off a screen and typed by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random 16-character password (~93 bits) to print once. */
export function generatePassword(length = 16): string {
  const bytes = randomBytes(length * 2)
  let out = ''
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte >= 256 - (256 % ALPHABET.length)) continue
    out += ALPHABET[byte % ALPHABET.length]
    if (out.length === length) return out
  }

  return out + generatePassword(length - out.length)
}
