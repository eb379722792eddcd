import { agentEmail, passwordPolicy } from '@madoguchi/shared'
import { generatePassword } from './password.ts'

/**
 * Checks CLI / environment input and picks the password: the given one, or a random
 * one that the caller must print once. Plain errors: these reach a terminal, not an API.
 */
export function adminCredentials(email: string, password: string | undefined): { email: string; password: string; generated: boolean } {
  const parsedEmail = agentEmail.safeParse(email)
  if (!parsedEmail.success) throw new Error(`Not a valid email address: ${email}`)
  if (password !== undefined && !passwordPolicy.safeParse(password).success) {
    throw new Error('The admin password must be 8 to 256 characters long')
  }

  return password === undefined
    ? { email: parsedEmail.data, password: generatePassword(), generated: true }
    : { email: parsedEmail.data, password, generated: false }
}
