import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { classifySearch } from '../../lib/search-query.ts'
import { Link } from '../../lib/router.tsx'
import { useErrorText } from '../../ui/feedback.tsx'
import type { SearchResult } from './run-search.ts'
import { runSearch } from './run-search.ts'

/** Ticket number, CRN, email, phone (any format) or name, from one box in the header. */
export function SearchBox() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [text, setText] = useState('')
  const [results, setResults] = useState<SearchResult[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setResults(null)
    }
    document.addEventListener('mousedown', close)

    return () => document.removeEventListener('mousedown', close)
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const intents = classifySearch(text)
    if (intents.length === 0) return
    setBusy(true)
    setError(null)
    try {
      setResults(await runSearch(intents))
    } catch (err) {
      setError(err)
      setResults([])
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="search" ref={box} onKeyDown={(e) => e.key === 'Escape' && setResults(null)}>
      <form role="search" onSubmit={submit}>
        <label htmlFor="global-search" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="global-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter that confirms an IME conversion is not a search.
            if (e.key === 'Enter' && (e.nativeEvent.isComposing || e.keyCode === 229)) e.preventDefault()
          }}
          placeholder={t('search.placeholder')}
          aria-keyshortcuts="/"
          autoComplete="off"
        />
      </form>
      {(results !== null || busy) && (
        <div className="search-results" role="region" aria-live="polite" aria-label={t('search.results')} data-testid="search-results">
          {busy && <p className="muted">{t('search.searching')}</p>}
          {!busy && error ? <p className="notice notice-error">{errorText(error)}</p> : null}
          {!busy && results?.length === 0 && !error && <p className="muted">{t('search.none')}</p>}
          <ul>
            {results?.map((r, i) => (
              <li key={i} onClick={() => setResults(null)}>
                {r.kind === 'ticket' && (
                  <Link to={`/tickets/${r.ticket.id}`}>
                    <span className="ticket-number">#{r.ticket.number}</span> {r.ticket.subject}
                    <span className="muted small"> · {r.ticket.customer.displayName}</span>
                  </Link>
                )}
                {r.kind === 'customer' && (
                  <Link to={`/customers/${r.customer.id}`}>
                    {r.customer.displayName} <code className="small">{r.customer.crn}</code>
                    <span className="muted small"> · {t(`search.via.${r.via}`)}</span>
                    {r.mergedFrom && <span className="muted small"> · {t('search.mergedFrom', { crn: r.mergedFrom })}</span>}
                  </Link>
                )}
                {r.kind === 'problem' && (
                  <p className="notice notice-error" role="alert" data-testid="search-problem">
                    {r.message}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
