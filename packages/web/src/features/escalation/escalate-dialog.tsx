import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { escalations } from '../../api/endpoints.ts'
import type { EscalationReason, EscalationView } from '../../api/endpoints.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { ESCALATION_REASONS, isThreat } from './reasons.ts'
import './escalation.css'

interface Props {
  ticketId: string
  ticketNumber: number
  onEscalated(escalation: EscalationView): void
}

/**
 * The "Escalate" action: a modal dialog (focus stays inside, Escape closes) with
 * the reasons the API knows, a required note, and the amount for "beyond my
 * authority". Choosing a threat says plainly where the ticket goes and who will
 * be able to see it afterwards.
 */
export function EscalateAction({ ticketId, ticketNumber, onEscalated }: Props) {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<EscalationReason>('customer_requested_supervisor')
  const [note, setNote] = useState('')
  const [amount, setAmount] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const titleId = useId()
  const threatId = useId()

  useEffect(() => {
    const box = dialog.current
    if (!box) return
    if (open && !box.open) box.showModal()
    if (!open && box.open) box.close()
  }, [open])

  const close = () => {
    setOpen(false)
    opener.current?.focus()
  }
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const parsed = reason === 'beyond_authority' && amount.trim() ? Number(amount.replace(/[,，\s]/g, '')) : undefined
      const result = await escalations.escalate(ticketId, { reason, note: note.trim(), ...(parsed !== undefined && Number.isFinite(parsed) ? { amount: Math.round(parsed) } : {}) })
      setNote('')
      setAmount('')
      setOpen(false)
      onEscalated(result)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" ref={opener} className="button-small escalate-button" onClick={() => setOpen(true)} data-testid="escalate-open">
        {t('escalation.action')}
      </button>
      <dialog ref={dialog} className="dialog escalate-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)} data-testid="escalate-dialog">
        {open && (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault()
              if (!busy && note.trim()) void submit()
            }}
          >
            <h2 id={titleId} className="page-title">{t('escalation.title', { number: ticketNumber })}</h2>
            <fieldset className="reason-choices">
              <legend>{t('escalation.reason')}</legend>
              {ESCALATION_REASONS.map((r) => (
                <label key={r} className={`reason-choice${isThreat(r) ? ' reason-threat' : ''}`}>
                  <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} aria-describedby={isThreat(r) ? threatId : undefined} />
                  {t(`escalation.reasons.${r}`)}
                </label>
              ))}
            </fieldset>
            <p id={threatId} className={isThreat(reason) ? 'notice threat-warning' : 'visually-hidden'} data-testid="threat-warning" aria-live="polite">
              {isThreat(reason) ? t('escalation.threatWarning') : ''}
            </p>
            {reason === 'beyond_authority' && (
              <label className="field">
                <span>{t('escalation.amount')}</span>
                <input name="amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
              </label>
            )}
            <label className="field">
              <span>{t('escalation.note')}</span>
              <textarea name="note" rows={4} required value={note} placeholder={t('escalation.notePlaceholder')} onChange={(e) => setNote(e.target.value)} maxLength={5000} />
            </label>
            <ErrorNotice error={error} />
            <div className="row">
              <button type="submit" className="button-primary" disabled={busy || !note.trim()}>
                {busy ? t('escalation.submitting') : t('escalation.submit')}
              </button>
              <button type="button" onClick={close}>{t('common.cancel')}</button>
            </div>
          </form>
        )}
      </dialog>
    </>
  )
}
