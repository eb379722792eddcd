/** The placeholders the server fills (packages/server/src/automation/fill-placeholders.ts). */
export const PLACEHOLDERS = [
  'customer.preferred_name', 'customer.name', 'customer.family_name', 'customer.given_name', 'customer.crn',
  'customer.organization', 'ticket.number', 'ticket.subject', 'ticket.status', 'agent.name', 'agent.email',
] as const

/** `text` with `insert` put at the caret (or over the selection) of a textarea; returns the new caret too. */
export function insertAtCaret(text: string, insert: string, start: number | null, end: number | null): { text: string; caret: number } {
  const from = start ?? text.length
  const to = end ?? from

  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length }
}
