import nodemailer from 'nodemailer'
import type { InboxSettings } from '@madoguchi/shared'

export type SendFailure = { permanent: boolean; reason: string }

/**
 * Hands one composed message to the inbox's relay. A 5xx answer is permanent (the
 * relay refused it: retrying will not help); anything else — 4xx, timeouts, refused
 * connections — is temporary and retried with backoff by the job runner.
 */
export async function sendViaRelay(relay: NonNullable<InboxSettings['smtp']>, envelope: { from: string; to: string }, raw: Buffer): Promise<SendFailure | null> {
  const transport = nodemailer.createTransport({
    host: relay.host,
    port: relay.port,
    secure: relay.secure,
    ...(relay.user ? { auth: { user: relay.user, pass: relay.password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  })
  try {
    await transport.sendMail({ envelope, raw })

    return null
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; message?: string }
    const reason = (e.response ?? e.message ?? String(error)).slice(0, 500)

    return { permanent: typeof e.responseCode === 'number' && e.responseCode >= 500, reason }
  } finally {
    transport.close()
  }
}
