import { useTranslation } from 'react-i18next'

/**
 * Codes the email parser records on a message (channels/email/parse-email.ts and
 * unpack-tnef.ts), as `code` or `code:detail`. Only these have their own wording;
 * anything else is shown under a general sentence with its code, never hidden.
 */
const KNOWN = new Set([
  'header.raw_8bit', 'parse.failed', 'attachment.too_many', 'tnef.body_used', 'tnef.body_rtf_not_decoded', 'mime.body_recovered',
  'attachment.refused', 'header.from_missing', 'header.message_id_missing', 'mime.boundary_missing', 'mime.boundary_unclosed',
  'body.charset_unknown', 'attachment.tnef_unpacked', 'attachment.tnef_unreadable', 'tnef.embedded_message_body_skipped',
  'tnef.body_from_rtf', 'tnef.rtf_unreadable', 'tnef.rtf_crc_mismatch', 'tnef.rtf_truncated',
])
// Kept winmail.dat always comes with tnef_unreadable, which says it already.
const SILENT = new Set(['attachment.tnef_kept'])

/** "This email was not read completely": the parser's warnings on an email, so an agent knows what may be missing. */
export function ParseWarnings({ warnings }: { warnings: unknown }) {
  const { t } = useTranslation()
  const list = Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : []
  const shown = list.map((w) => {
    const at = w.indexOf(':')

    return { code: at === -1 ? w : w.slice(0, at), detail: at === -1 ? '' : w.slice(at + 1) }
  }).filter((w) => !SILENT.has(w.code))
  if (shown.length === 0) return null

  return (
    <details className="parse-warnings" data-testid="parse-warnings">
      <summary>{t('emailView.warningsTitle', { count: shown.length })}</summary>
      <ul>
        {shown.map((w, i) => (
          <li key={i}>
            {KNOWN.has(w.code) ? t(`emailView.warning.${w.code.replace('.', '_')}`, { detail: w.detail }) : t('emailView.warningOther', { code: w.code, detail: w.detail })}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('emailView.warningsHint')}</p>
    </details>
  )
}
