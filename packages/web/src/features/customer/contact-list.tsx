import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { customers } from '../../api/endpoints.ts'
import type { ContactKind } from '@madoguchi/shared'
import type { CustomerView } from '../../api/types.ts'
import { formatDate } from '../../lib/format.ts'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice } from '../../ui/feedback.tsx'

// Runtime copy of the shared enumeration (importing it would pull zod into the bundle).
const CONTACT_KINDS = ['email', 'phone', 'line', 'external'] as const satisfies readonly ContactKind[]

interface Props {
  customer: CustomerView
  onChange(customer: CustomerView): void
  canEdit: boolean
}

/**
 * The customer's emails, phones, LINE ids and external ids: confirm one (stamped
 * "verified on" today by the server), remove one, add one. The server normalizes
 * what is typed (E.164 phones, lower-cased emails) and refuses one that belongs to
 * somebody else, with a message shown here.
 */
export function ContactList({ customer, onChange, canEdit }: Props) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<CustomerView>): Promise<boolean> => {
    setError(null)
    setBusy(true)
    try {
      onChange(await action())

      return true
    } catch (err) {
      setError(err)

      return false
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="contacts-title">
      <h3 id="contacts-title" className="panel-subtitle">
        {t('customer.contacts')}
      </h3>
      <ErrorNotice error={error} />
      {customer.contacts.length === 0 && <p className="muted small">{t('customer.noContacts')}</p>}
      <ul className="contacts" data-testid="contact-list">
        {customer.contacts.map((c) => {
          const kind = t(`contactKinds.${c.kind}`, { defaultValue: c.kind })

          return (
            <li key={c.id} data-testid="contact">
              <span className="contact-kind">{kind}</span>
              <span className="contact-value">{c.value}</span>
              {c.verifiedAt ? (
                <span className="verified">{t('customer.verifiedOn', { date: formatDate(c.verifiedAt, i18n.language, me.timeZone) })}</span>
              ) : canEdit ? (
                <button type="button" className="button-small" disabled={busy} onClick={() => void run(() => customers.verifyContact(customer.id, c.id))}
                  aria-label={t('contacts.confirmLabel', { kind, value: c.value })}>
                  {t('customer.confirmContact')}
                </button>
              ) : null}
              {c.bouncingAt && <span className="badge badge-care">{t('contacts.bouncing')}</span>}
              {canEdit && (
                <button type="button" className="button-small" disabled={busy}
                  onClick={() => {
                    if (window.confirm(t('contacts.removeConfirm', { value: c.value }))) void run(() => customers.removeContact(customer.id, c.id))
                  }}
                  aria-label={t('contacts.removeLabel', { kind, value: c.value })}>
                  {t('contacts.remove')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {canEdit && <AddContactForm busy={busy} onAdd={(input) => run(() => customers.addContact(customer.id, input))} />}
    </section>
  )
}

function AddContactForm({ busy, onAdd }: { busy: boolean; onAdd(input: { kind: ContactKind; value: string; verifiedAt?: string }): Promise<boolean> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<ContactKind>('email')
  const [value, setValue] = useState('')
  const [verified, setVerified] = useState(false)

  if (!open) {
    return (
      <button type="button" className="button-small" onClick={() => setOpen(true)}>
        {t('contacts.add')}
      </button>
    )
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!value.trim()) return
    const added = await onAdd({ kind, value: value.trim(), ...(verified ? { verifiedAt: new Date().toISOString() } : {}) })
    // The list shows the stored (normalized) contact; a refused one stays typed for correction.
    if (!added) return
    setValue('')
    setVerified(false)
  }

  return (
    <form className="add-contact" onSubmit={(e) => void submit(e)} aria-label={t('contacts.add')}>
      <label className="field">
        <span>{t('contacts.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
          {CONTACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`contactKinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('contacts.value')}</span>
        <input value={value} onChange={(e) => setValue(e.target.value)} maxLength={320} required
          type={kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : 'text'} />
      </label>
      <label className="check">
        <input type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
        <span>{t('contacts.verifiedNow')}</span>
      </label>
      <div className="row">
        <button type="submit" className="button-primary button-small" disabled={busy}>
          {t('contacts.addSubmit')}
        </button>
        <button type="button" className="button-small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
