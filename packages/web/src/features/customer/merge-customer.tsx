import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { customers, tickets } from '../../api/endpoints.ts'
import type { CustomerView } from '../../api/types.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'

interface Props {
  customer: CustomerView
  /** The surviving customer, after the merge. */
  onMerged(survivor: CustomerView): void
}

interface Side {
  customer: CustomerView
  tickets: { count: number; capped: boolean }
}

/**
 * Merge a duplicate (POST /customers/:id/merge, supervisors and admins): find the
 * other customer, choose which record stays, read what moves, confirm. Nothing is
 * sent before the confirmation, and the summary comes from the server's own counts.
 */
export function MergeCustomer({ customer, onMerged }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [q, setQ] = useState('')
  const [results, setResults] = useState<CustomerView[] | null>(null)
  const [other, setOther] = useState<CustomerView | null>(null)
  const [keepThis, setKeepThis] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  if (!open) {
    return (
      <button type="button" className="button-small" onClick={() => setOpen(true)} data-testid="merge-open">
        {t('merge.open')}
      </button>
    )
  }

  const search = async () => {
    setError(null)
    setOther(null)
    try {
      const page = await customers.search(q.trim())
      setResults(page.items.filter((c) => c.id !== customer.id && c.mergedIntoId === null))
    } catch (err) {
      setError(err)
    }
  }
  const source = other && (keepThis ? other : customer)
  const survivor = other && (keepThis ? customer : other)
  const merge = async () => {
    if (!source || !survivor) return
    setBusy(true)
    setError(null)
    try {
      onMerged(await customers.merge(source.id, survivor.id))
      setOpen(false)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="merge-customer" aria-labelledby="merge-title" data-testid="merge-customer">
      <h3 id="merge-title" className="panel-subtitle">
        {t('merge.title')}
      </h3>
      <ErrorNotice error={error} />
      <form
        className="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          if (q.trim()) void search()
        }}
      >
        <label className="field">
          <span>{t('merge.searchLabel')}</span>
          <input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('merge.searchPlaceholder')} />
        </label>
        <button type="submit" className="button-small">
          {t('merge.search')}
        </button>
      </form>
      {results && results.length === 0 && <p className="muted small">{t('merge.noResults')}</p>}
      {results && results.length > 0 && !other && (
        <ul className="merge-results">
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" className="button-small" onClick={() => setOther(c)}>
                {t('merge.pick', { name: c.displayName, crn: c.crn })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {other && source && survivor && (
        <>
          <fieldset className="merge-direction">
            <legend>{t('merge.keep')}</legend>
            <label className="check">
              <input type="radio" name="merge-keep" checked={keepThis} onChange={() => setKeepThis(true)} />
              <span>{t('merge.keepOption', { name: customer.displayName, crn: customer.crn })}</span>
            </label>
            <label className="check">
              <input type="radio" name="merge-keep" checked={!keepThis} onChange={() => setKeepThis(false)} />
              <span>{t('merge.keepOption', { name: other.displayName, crn: other.crn })}</span>
            </label>
          </fieldset>
          <MergeSummary key={source.id} source={source} survivor={survivor} />
          <div className="row">
            <button type="button" className="button-primary button-small" disabled={busy} onClick={() => void merge()} data-testid="merge-confirm">
              {t('merge.confirm', { source: source.crn, survivor: survivor.crn })}
            </button>
            <button type="button" className="button-small" onClick={() => setOther(null)}>
              {t('merge.back')}
            </button>
          </div>
        </>
      )}
      <button type="button" className="button-small" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </section>
  )
}

/** What moves from the record that goes away onto the one that stays. */
function MergeSummary({ source, survivor }: { source: CustomerView; survivor: CustomerView }) {
  const { t } = useTranslation()
  const [side, setSide] = useState<Side | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    // Fresh copies: the search result may be older than the record.
    Promise.all([customers.get(source.id), tickets.count({ customerId: source.id })]).then(
      ([customer, count]) => live && setSide({ customer, tickets: count }),
      (err: unknown) => live && setError(err),
    )

    return () => {
      live = false
    }
  }, [source.id])
  if (error) return <ErrorNotice error={error} />
  if (!side) return <Loading />
  const ticketText = side.tickets.capped ? `${side.tickets.count.toLocaleString()}+` : String(side.tickets.count)

  return (
    <div className="merge-summary" data-testid="merge-summary">
      <p>{t('merge.summaryIntro', { source: `${side.customer.displayName} (${side.customer.crn})`, survivor: `${survivor.displayName} (${survivor.crn})` })}</p>
      <ul>
        <li>{t('merge.movesTickets', { count: side.tickets.count, text: ticketText })}</li>
        <li>
          {t('merge.movesContacts', { count: side.customer.contacts.length })}
          {side.customer.contacts.length > 0 && `: ${side.customer.contacts.map((c) => c.value).join(', ')}`}
        </li>
        <li>{t('merge.flags')}</li>
        <li>{t('merge.crnKeeps', { crn: side.customer.crn, survivor: survivor.crn })}</li>
      </ul>
    </div>
  )
}
