import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { ApiError } from '../../api/client.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'

interface Issue {
  path: string
  code?: string
  message: string
}

/** The server's validation issues (`request.validation_failed` details, calendar problems), by field path. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return []

  return (error.details as Partial<Issue>[]).filter((d): d is Issue => typeof d.path === 'string' && typeof d.message === 'string')
}

function issuesAt(error: unknown, path: string, exact: boolean): Issue[] {
  return issuesOf(error).filter((i) => i.path === path || (!exact && i.path.startsWith(`${path}.`)))
}

/**
 * Messages for one field: its own path and anything below it (`conditions.0`
 * also collects `conditions.0.value`), so a nested problem shows beside the row it is in.
 */
export function messagesFor(error: unknown, path: string, exact = false): string[] {
  return issuesAt(error, path, exact).map((i) => i.message)
}

/** Server messages (English, from the shared schemas) that have a translation, by message. */
const KNOWN_MESSAGES: Record<string, string> = {
  'HH:MM (00:00–23:59)': 'hhmm',
  'HH:MM (up to 24:00)': 'hhmmEnd',
  'end must be after start': 'endAfterStart',
  'intervals of a day must not overlap': 'overlap',
  'YYYY-MM-DD': 'date',
  'MM-DD': 'monthDay',
  'not a calendar date': 'notADate',
  'not a day of the year': 'notADay',
  'from and to must both be YYYY-MM-DD or both MM-DD': 'sameForm',
  'to must not be before from': 'toBeforeFrom',
  'a trigger needs an event': 'needsEvent',
  'a macro needs a Japanese or an English text': 'needsText',
  'give either ticketId or ticket': 'eitherTicket',
  'This date is listed twice': 'duplicateDate',
  'The calendar has no opening hours at all': 'neverOpen',
  'a field name or customFields.<key>': 'fieldName',
}
const KNOWN_CODES = ['too_small', 'too_big', 'invalid_type', 'invalid_value', 'invalid_format', 'invalid_union'] as const

/**
 * In English the server's own message (the most precise); in Japanese a
 * translation of it when known, else a sentence for its zod issue code.
 */
export function issueText(t: TFunction, language: string, issue: Issue): string {
  if (!language.startsWith('ja')) return issue.message
  const known = KNOWN_MESSAGES[issue.message] ?? (issue.message.startsWith('No usual hours on') ? 'hoursRequired' : undefined)
  if (known) return t(`validation.${known}`)
  if ((KNOWN_CODES as readonly string[]).includes(issue.code ?? '')) return t(`validation.codes.${issue.code}`)

  return t('validation.other', { message: issue.message })
}

/** A field's id for `aria-describedby`: the message is read out with the field. */
export const errorId = (form: string, path: string) => `${form}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}-error`

/** Shown under the field the server complained about; renders nothing when it is fine. */
export function FieldError({ error, path, form, exact = false }: { error: unknown; path: string; form: string; exact?: boolean }) {
  const { t, i18n } = useTranslation()
  const issues = issuesAt(error, path, exact)
  if (issues.length === 0) return null

  return (
    <span className="field-error" id={errorId(form, path)}>
      {[...new Set(issues.map((i) => issueText(t, i18n.language, i)))].join(' ')}
    </span>
  )
}

/** Props that tie an input to its error message and mark it invalid. */
export function invalidProps(error: unknown, path: string, form: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return messagesFor(error, path).length ? { 'aria-invalid': true, 'aria-describedby': errorId(form, path) } : {}
}

/**
 * The form's summary: the server's localized sentence. A validation failure's
 * details are left out here because each is shown beside its field.
 */
export function FormError({ error }: { error: unknown }) {
  const summary = error instanceof ApiError && error.code === 'request.validation_failed' ? new ApiError(error.code, error.message, error.status) : error

  return <ErrorNotice error={summary} />
}
