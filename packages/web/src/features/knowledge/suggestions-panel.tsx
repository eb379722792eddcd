import { useTranslation } from 'react-i18next'
import { Link } from '../../lib/router.tsx'
import { useAsync } from '../../lib/use-async.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import type { KbSuggestion } from './kb-api.ts'
import { kb } from './kb-api.ts'
import './suggestions.css'

interface Props {
  ticketId: string
  /** Puts text into the reply composer, for the agent to edit; nothing is sent. */
  onInsert(text: string): void
}

/**
 * The five knowledge-base articles most relevant to this ticket's text, in the
 * customer's language. Only public articles have a help-center page to link to;
 * the agents' wiki (internal) offers its text alone, with a warning.
 */
export function SuggestionsPanel({ ticketId, onInsert }: Props) {
  const { t } = useTranslation()
  const suggestions = useAsync(() => kb.suggest(ticketId), ticketId)

  return (
    <section className="kb-suggestions" aria-labelledby="kb-suggestions-title" data-testid="kb-suggestions">
      <div className="row kb-suggestions-head">
        <h2 id="kb-suggestions-title" className="panel-title">{t('kb.suggestions')}</h2>
        <button type="button" className="button-small" onClick={suggestions.reload} disabled={suggestions.loading}>
          {t('kb.refresh')}
        </button>
      </div>
      <ErrorNotice error={suggestions.error} onRetry={suggestions.reload} />
      {suggestions.loading && !suggestions.data && <Loading />}
      {suggestions.data?.length === 0 && <p className="muted small">{t('kb.noSuggestions')}</p>}
      <ol className="kb-plain-list">
        {suggestions.data?.map((s) => <Suggestion key={s.articleId} suggestion={s} onInsert={onInsert} />)}
      </ol>
    </section>
  )
}

function Suggestion({ suggestion: s, onInsert }: { suggestion: KbSuggestion; onInsert(text: string): void }) {
  const { t } = useTranslation()

  return (
    <li className="kb-suggestion" data-testid="kb-suggestion">
      <Link to={`/kb/articles/${s.articleId}?locale=${s.locale}`} lang={s.locale}>{s.title}</Link>{' '}
      <span className="muted small">({t(`languages.${s.locale}`)})</span>
      {s.visibility === 'internal' && <p className="kb-warning small" role="note">{t('kb.internalWarning')}</p>}
      {s.visibility === 'customers' && <p className="muted small">{t('kb.customersOnlyNote')}</p>}
      <div className="row">
        {s.helpCenterUrl !== null && (
          <button type="button" className="button-small" onClick={() => onInsert(`${s.title}\n${s.helpCenterUrl}`)} aria-label={t('kb.insertLinkTo', { title: s.title })}>
            {t('kb.insertLink')}
          </button>
        )}
        <button type="button" className="button-small" onClick={() => onInsert(s.text)} aria-label={t('kb.insertTextOf', { title: s.title })}>
          {t('kb.insertText')}
        </button>
      </div>
    </li>
  )
}
