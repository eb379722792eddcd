import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { agentName, useDirectory } from '../admin/directory.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import type { KbDiffView, KbLocale } from './kb-api.ts'
import { kb } from './kb-api.ts'

interface Props {
  articleId: string
  locale: KbLocale
  /** The translation's latest revision: the list reloads when it changes. */
  latest: number
  publishedRevision: number | null
  readOnly: boolean
  onRestore(number: number): Promise<void>
}

/** Every revision of one translation; a line diff between any two; restore as a new revision. */
export function RevisionHistory({ articleId, locale, latest, publishedRevision, readOnly, onRestore }: Props) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const revisions = useAsync(() => kb.revisions(articleId, locale), `${articleId}.${locale}.${latest}`)
  const [from, setFrom] = useState(Math.max(1, latest - 1))
  const [to, setTo] = useState(latest)
  const [diff, setDiff] = useState<KbDiffView | null>(null)
  const [confirming, setConfirming] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const people = useDirectory()
  const author = (id: string | null) => (id === null ? '' : `· ${id === me.id ? t('inbox.you') : agentName(people, id)}`)

  const compare = async (a: number, b: number) => {
    setFrom(a)
    setTo(b)
    setError(null)
    try {
      setDiff(await kb.diff(articleId, locale, a, b))
    } catch (err) {
      setError(err)
    }
  }
  const restore = async (number: number) => {
    setBusy(true)
    setError(null)
    try {
      await onRestore(number)
      setConfirming(null)
      setDiff(null)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const numbers = revisions.data?.map((r) => r.number) ?? []

  return (
    <section className="card" aria-labelledby="kb-history-title" data-testid="kb-history">
      <h2 id="kb-history-title" className="panel-title">{t('kb.history')}</h2>
      <ErrorNotice error={revisions.error} onRetry={revisions.reload} />
      {revisions.loading && !revisions.data && <Loading />}
      <ul className="kb-revisions">
        {revisions.data?.map((r) => (
          <li key={r.number} data-testid="kb-revision">
            <div>
              <strong>{t('kb.revision', { number: r.number })}</strong>{' '}
              {r.number === publishedRevision && <span className="pill kb-status-published">{t('kb.live')}</span>}{' '}
              <span className="muted small">
                {formatDateTime(r.createdAt, i18n.language, me.timeZone)} {author(r.authorId)}
                {r.restoredFrom !== null && ` · ${t('kb.restoredFrom', { number: r.restoredFrom })}`}
              </span>
            </div>
            <div className="small">{r.title}</div>
            <div className="row">
              {r.number > 1 && (
                <button type="button" className="button-small" onClick={() => void compare(r.number - 1, r.number)}>
                  {t('kb.compareWithPrevious')}
                </button>
              )}
              {!readOnly && r.number !== latest && confirming !== r.number && (
                <button type="button" className="button-small" onClick={() => setConfirming(r.number)}>
                  {t('kb.restore')}
                </button>
              )}
              {confirming === r.number && (
                <>
                  <button type="button" className="button-small button-primary" disabled={busy} onClick={() => void restore(r.number)}>
                    {t('kb.confirmRestore', { number: r.number })}
                  </button>
                  <button type="button" className="button-small" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {numbers.length > 1 && (
        <form
          className="row wrap"
          onSubmit={(e) => {
            e.preventDefault()
            void compare(from, to)
          }}
        >
          <label className="field">
            <span>{t('kb.diffFrom')}</span>
            <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {numbers.map((n) => <option key={n} value={n}>{t('kb.revision', { number: n })}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('kb.diffTo')}</span>
            <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {numbers.map((n) => <option key={n} value={n}>{t('kb.revision', { number: n })}</option>)}
            </select>
          </label>
          <button type="submit" className="button-small">{t('kb.compare')}</button>
        </form>
      )}
      <ErrorNotice error={error} />
      {diff && <DiffView diff={diff} />}
    </section>
  )
}

function DiffView({ diff }: { diff: KbDiffView }) {
  const { t } = useTranslation()
  const sign = { same: ' ', added: '+', removed: '−' } as const

  return (
    <figure className="kb-diff" data-testid="kb-diff">
      <figcaption className="small">
        {t('kb.diffCaption', { from: diff.from, to: diff.to })}
        {diff.title.from !== diff.title.to && <div>{t('kb.titleChanged', { from: diff.title.from, to: diff.title.to })}</div>}
      </figcaption>
      <pre tabIndex={0} aria-label={t('kb.diffCaption', { from: diff.from, to: diff.to })}>
        {diff.lines.map((line, i) => (
          <div key={i} className={`kb-diff-${line.kind}`}>
            <span aria-hidden="true">{sign[line.kind]} </span>
            {line.kind !== 'same' && <span className="visually-hidden">{t(`kb.diffKinds.${line.kind}`)}: </span>}
            {line.text || ' '}
          </div>
        ))}
      </pre>
      {diff.lines.every((l) => l.kind === 'same') && <p className="muted small">{t('kb.diffNoChange')}</p>}
    </figure>
  )
}
