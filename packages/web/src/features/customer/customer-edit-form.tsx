import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { customers } from '../../api/endpoints.ts'
import type { CustomerPatch } from '../../api/endpoints.ts'
import type { CustomerView } from '../../api/types.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'

const TEXT_FIELDS = ['displayName', 'familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'preferredName', 'language', 'birthday', 'anniversary'] as const
type TextField = (typeof TEXT_FIELDS)[number]

/** Edits the profile; sends only what changed, and keeps the form as typed if the server refuses. */
export function CustomerEditForm({ customer, onSaved, onCancel }: { customer: CustomerView; onSaved(c: CustomerView): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [values, setValues] = useState(() => Object.fromEntries(TEXT_FIELDS.map((f) => [f, customer[f] ?? ''])) as Record<TextField, string>)
  const [isVip, setVip] = useState(customer.isVip)
  const [vipReason, setVipReason] = useState(customer.vipReason ?? '')
  const [care, setCare] = useState(customer.handleWithCare)
  const [careReason, setCareReason] = useState(customer.careReason ?? '')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const patch: Record<string, unknown> = {}
    for (const field of TEXT_FIELDS) {
      const value = values[field].trim()
      if (value !== (customer[field] ?? '')) patch[field] = value === '' && field !== 'displayName' ? null : value
    }
    if (isVip !== customer.isVip) patch.isVip = isVip
    if (vipReason.trim() !== (customer.vipReason ?? '')) patch.vipReason = vipReason.trim() || null
    if (care !== customer.handleWithCare) patch.handleWithCare = care
    if (careReason.trim() !== (customer.careReason ?? '')) patch.careReason = careReason.trim() || null
    if (Object.keys(patch).length === 0) return onCancel()
    setBusy(true)
    setError(null)
    try {
      onSaved(await customers.update(customer.id, patch as CustomerPatch))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="customer-edit" onSubmit={submit}>
      <ErrorNotice error={error} />
      {TEXT_FIELDS.map((field) => (
        <label key={field} className="field">
          <span>{t(`customerFields.${field}`)}</span>
          <input
            value={values[field]}
            type={field === 'birthday' || field === 'anniversary' ? 'date' : 'text'}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          />
        </label>
      ))}
      <label className="check">
        <input type="checkbox" checked={isVip} onChange={(e) => setVip(e.target.checked)} />
        {t('customerFields.isVip')}
      </label>
      {isVip && (
        <label className="field">
          <span>{t('customerFields.vipReason')}</span>
          <input value={vipReason} onChange={(e) => setVipReason(e.target.value)} required />
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={care} onChange={(e) => setCare(e.target.checked)} />
        {t('customerFields.handleWithCare')}
      </label>
      {care && (
        <label className="field">
          <span>{t('customerFields.careReason')}</span>
          <input value={careReason} onChange={(e) => setCareReason(e.target.value)} required />
        </label>
      )}
      <div className="row">
        <button type="submit" className="button-primary button-small" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
