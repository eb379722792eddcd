import { z } from 'zod'
import { role } from './domain.ts'

/** Lower-cased, trimmed email: agents are found by it, so it has one spelling. */
export const agentEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase())

/**
 * Passwords: at least 8 characters (NIST SP 800-63B), at most 256 so that hashing
 * an absurdly long input cannot be used to tie up the server.
 */
export const passwordPolicy = z.string().min(8).max(256)

/**
 * An IANA time zone name the runtime knows (`Asia/Tokyo`, `America/New_York`, `UTC`).
 * Area/Location form only: ICU also accepts abbreviations such as `JST` or `EST`,
 * which are ambiguous or ignore daylight saving time.
 */
export const ianaTimeZone = z
  .string()
  .max(64)
  .refine((value) => /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(value) && isKnownTimeZone(value), {
    message: 'Unknown time zone (use an IANA name such as Asia/Tokyo)',
  })

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })

    return true
  } catch {
    return false
  }
}

export const uiLocale = z.enum(['ja', 'en'])

/**
 * A name-like input on one line: trimmed, no control characters (NUL is refused by
 * PostgreSQL and would make the two databases disagree; newlines break list layouts).
 */
export function singleLineText(max: number) {
  return z.string().trim().min(1).max(max).regex(/^\P{Cc}*$/u, 'Control characters are not allowed')
}

export const loginInput = z
  .object({
    email: z.string().trim().min(1).max(254).transform((value) => value.toLowerCase()),
    // Not `passwordPolicy`: an old, shorter password must still be able to sign in.
    password: z.string().min(1).max(256),
  })
  .strict()
export type LoginInput = z.infer<typeof loginInput>

/** The signed-in agent, as `GET /me` and `POST /auth/login` return it. */
export const meView = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  locale: uiLocale,
  timeZone: z.string(),
  teamIds: z.array(z.string()),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  tier: z.number().int(),
  /** Only for cookie sessions: echo it in `X-CSRF-Token` on unsafe requests. */
  csrfToken: z.string().optional(),
})
export type MeView = z.infer<typeof meView>

export const loginView = z.object({ agent: meView, csrfToken: z.string() })
export type LoginView = z.infer<typeof loginView>

export const updateMeInput = z
  .object({
    name: singleLineText(100).optional(),
    locale: uiLocale.optional(),
    timeZone: ianaTimeZone.optional(),
    /** Required together with `newPassword`: a stolen session alone cannot change it. */
    currentPassword: z.string().min(1).max(256).optional(),
    newPassword: passwordPolicy.optional(),
  })
  .strict()
  .refine((input) => input.newPassword === undefined || input.currentPassword !== undefined, {
    message: 'currentPassword is required to change the password',
    path: ['currentPassword'],
  })
export type UpdateMeInput = z.infer<typeof updateMeInput>

export const createApiTokenInput = z
  .object({
    name: singleLineText(100),
    /** ISO-8601 date-time in the future; absent = never expires. */
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict()
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>

export const apiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the token, to recognise it in lists. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
})
export type ApiTokenView = z.infer<typeof apiTokenView>

/** `POST /tokens` answer: the only time the secret is ever shown. */
export const createdApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
})
export type CreatedApiTokenView = z.infer<typeof createdApiTokenView>

export const apiTokenList = z.object({ items: z.array(apiTokenView) })
