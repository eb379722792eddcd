import { ApiError } from '../../api/client.ts'

interface Issue {
  path: string
  message: string
}

/** The server's validation issues (`request.validation_failed` details, calendar problems), by field path. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return []

  return (error.details as Partial<Issue>[]).filter((d): d is Issue => typeof d.path === 'string' && typeof d.message === 'string')
}

/**
 * Messages for one field: its own path and anything below it (`conditions.0`
 * also collects `conditions.0.value`), so a nested problem shows beside the row it is in.
 */
export function messagesFor(error: unknown, path: string, exact = false): string[] {
  return issuesOf(error)
    .filter((i) => i.path === path || (!exact && i.path.startsWith(`${path}.`)))
    .map((i) => i.message)
}

/** A field's id for `aria-describedby`: the message is read out with the field. */
export const errorId = (form: string, path: string) => `${form}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}-error`

/** Shown under the field the server complained about; renders nothing when it is fine. */
export function FieldError({ error, path, form, exact }: { error: unknown; path: string; form: string; exact?: boolean }) {
  const messages = messagesFor(error, path, exact)
  if (messages.length === 0) return null

  return (
    <span className="field-error" id={errorId(form, path)}>
      {messages.join(' ')}
    </span>
  )
}

/** Props that tie an input to its error message and mark it invalid. */
export function invalidProps(error: unknown, path: string, form: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return messagesFor(error, path).length ? { 'aria-invalid': true, 'aria-describedby': errorId(form, path) } : {}
}
