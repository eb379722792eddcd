import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DryRunView, HypotheticalTicket, TriggerEvent } from '@madoguchi/shared'
import { CATEGORIES, CHANNELS, PRIORITIES, STATUSES } from '../../api/types.ts'
import { useDirectory } from '../admin/directory.ts'
import { automation } from './automation-api.ts'
import { describeAction, describeCondition, eventLabel, fieldValueText } from './describe-rule.ts'
import { FieldError, invalidProps, FormError } from './field-errors.tsx'
import { CommaListInput } from './comma-list-input.tsx'
import { TRIGGER_EVENTS } from './options.ts'
import { customFieldsOf } from './custom-fields.ts'

const FORM = 'dry-run'

type Hypothetical = Pick<HypotheticalTicket, 'subject' | 'body' | 'status' | 'priority' | 'category' | 'channel' | 'tags' | 'customer' | 'customFields'>

const BLANK: Hypothetical = { subject: '', body: '', status: 'new', priority: 'normal', category: null, channel: 'email', tags: [], customFields: {}, customer: { vip: false, handleWithCare: false } }

/**
 * "What would happen": the rules an event would set off on a real ticket (as it
 * is now) or on one described here, in order, with each condition's verdict and
 * the value it saw. The server writes nothing.
 */
export function DryRunPanel() {
  const { t } = useTranslation()
  const directory = useDirectory()
  const [event, setEvent] = useState<TriggerEvent>('ticket.created')
  const [source, setSource] = useState<'ticket' | 'hypothetical'>('ticket')
  const [ticketRef, setTicketRef] = useState('')
  /** `datetime-local` text in the viewer's zone; empty means now. */
  const [at, setAt] = useState('')
  const [ticket, setTicket] = useState<Hypothetical>(BLANK)
  const [result, setResult] = useState<DryRunView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [running, setRunning] = useState(false)
  const setT = (patch: Partial<Hypothetical>) => setTicket((x) => ({ ...x, ...patch }))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRunning(true)
    setError(null)
    try {
      const when = at ? { at: new Date(at).toISOString() } : {}
      setResult(await automation.dryRun(source === 'ticket' ? { event, ticketId: ticketRef.trim(), ...when } : { event, ticket, ...when }))
    } catch (err) {
      setResult(null)
      setError(err)
    } finally {
      setRunning(false)
    }
  }

  const firing = result?.rules.filter((r) => r.wouldFire) ?? []

  return (
    <section className="card dry-run" aria-labelledby="dry-run-title">
      <h3 id="dry-run-title">{t('dryRun.title')}</h3>
      <p className="muted small">{t('dryRun.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="row wrap">
          <label className="field">
            <span>{t('rules.event')}</span>
            <select value={event} onChange={(e) => setEvent(e.target.value as TriggerEvent)}>
              {TRIGGER_EVENTS.map((ev) => <option key={ev} value={ev}>{eventLabel(t, ev)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('dryRun.at')}</span>
            <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} {...invalidProps(error, 'at', FORM)} />
            <FieldError error={error} path="at" form={FORM} />
          </label>
          <fieldset className="checks">
            <legend>{t('dryRun.source')}</legend>
            <label className="check">
              <input type="radio" name="dry-run-source" checked={source === 'ticket'} onChange={() => setSource('ticket')} />
              {t('dryRun.existing')}
            </label>
            <label className="check">
              <input type="radio" name="dry-run-source" checked={source === 'hypothetical'} onChange={() => setSource('hypothetical')} />
              {t('dryRun.hypothetical')}
            </label>
          </fieldset>
        </div>
        {source === 'ticket' ? (
          <label className="field">
            <span>{t('dryRun.ticketRef')}</span>
            <input value={ticketRef} onChange={(e) => setTicketRef(e.target.value)} placeholder="#123" {...invalidProps(error, 'ticketId', FORM)} />
            <FieldError error={error} path="ticketId" form={FORM} />
          </label>
        ) : (
          <div className="row wrap">
            <label className="field grow">
              <span>{t('fields.subject')}</span>
              <input value={ticket.subject} onChange={(e) => setT({ subject: e.target.value })} />
            </label>
            <label className="field grow">
              <span>{t('dryRun.body')}</span>
              <input value={ticket.body} onChange={(e) => setT({ body: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('fields.status')}</span>
              <select value={ticket.status} onChange={(e) => setT({ status: e.target.value as Hypothetical['status'] })}>
                {STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('fields.priority')}</span>
              <select value={ticket.priority} onChange={(e) => setT({ priority: e.target.value as Hypothetical['priority'] })}>
                {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priorities.${p}`)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('fields.category')}</span>
              <select value={ticket.category ?? ''} onChange={(e) => setT({ category: (e.target.value || null) as Hypothetical['category'] })}>
                <option value="">{t('rules.empty')}</option>
                {CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('filters.channel')}</span>
              <select value={ticket.channel} onChange={(e) => setT({ channel: e.target.value as Hypothetical['channel'] })}>
                {CHANNELS.map((c) => <option key={c} value={c}>{t(`channels.${c}`)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('rules.tagsComma')}</span>
              <CommaListInput value={ticket.tags} onChange={(tags) => setT({ tags })} />
            </label>
            <label className="field">
              <span>{t('dryRun.customFields')}</span>
              <CommaListInput value={[]} placeholder="plan=gold" onChange={(pairs) => setT({ customFields: customFieldsOf(pairs) })} {...invalidProps(error, 'ticket.customFields', FORM)} />
            </label>
            <label className="check">
              <input type="checkbox" checked={ticket.customer.vip} onChange={(e) => setT({ customer: { ...ticket.customer, vip: e.target.checked } })} />
              {t('rules.flags.vip')}
            </label>
            <label className="check">
              <input type="checkbox" checked={ticket.customer.handleWithCare} onChange={(e) => setT({ customer: { ...ticket.customer, handleWithCare: e.target.checked } })} />
              {t('rules.flags.handle_with_care')}
            </label>
          </div>
        )}
        <FieldError error={error} path="ticket" form={FORM} />
        <FieldError error={error} path="" form={FORM} exact />
        <FormError error={error} />
        <button type="submit" className="button-primary" disabled={running || (source === 'ticket' && !ticketRef.trim())}>
          {running ? t('dryRun.running') : t('dryRun.run')}
        </button>
      </form>
      {result && (
        <div className="dry-run-result" aria-live="polite" data-testid="dry-run-result">
          <p className="dry-run-summary">
            {result.rules.length === 0 ? t('dryRun.noRules') : t('dryRun.summary', { count: firing.length, total: result.rules.length })}
          </p>
          <ol className="dry-run-rules">
            {result.rules.map((r) => (
              <li key={r.ruleId} className={r.wouldFire ? 'fires' : 'skips'}>
                <strong>{r.name}</strong>{' '}
                <span className={`pill ${r.wouldFire ? 'pill-ok' : ''}`}>{r.wouldFire ? t('dryRun.wouldFire') : t('dryRun.wouldNotFire')}</span>
                {r.conditions.length === 0 && <p className="muted small">{t('dryRun.noConditions')}</p>}
                <ul className="plain small">
                  {r.conditions.map((c, k) => (
                    <li key={k}>
                      <span aria-hidden="true">{c.result ? '✓' : '✗'}</span>{' '}
                      <span className="visually-hidden">{c.result ? t('dryRun.met') : t('dryRun.notMet')}</span>
                      {describeCondition(t, directory, c.condition)}
                      <span className="muted"> — {t('dryRun.actual', { value: fieldValueText(t, directory, c.condition.type === 'field' ? c.condition.field : '', c.actual) })}</span>
                    </li>
                  ))}
                </ul>
                {r.wouldFire && (
                  <p className="small">{t('dryRun.then', { actions: r.actions.map((a) => describeAction(t, directory, a)).join(' / ') })}</p>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
