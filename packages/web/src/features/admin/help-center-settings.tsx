import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountView } from '@madoguchi/shared'
import { directory as endpoints } from '../../api/endpoints.ts'
import { useSave } from '../../lib/use-save.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'

/** Empty inputs clear a setting (null), so the help center falls back to its defaults. */
const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** The public help center's contact details and host name (admins; PATCH /account). */
export function HelpCenterSettings({ account, onSaved }: { account: AccountView; onSaved: (account: AccountView) => void }) {
  const { t } = useTranslation()
  const [host, setHost] = useState('')
  const [email, setEmail] = useState('')
  const [phone, setPhone] = useState('')
  const [hoursJa, setHoursJa] = useState('')
  const [hoursEn, setHoursEn] = useState('')
  const { error, saved, run } = useSave()

  useEffect(() => {
    const hc = account.helpCenter
    setHost(hc.host ?? '')
    setEmail(hc.email ?? '')
    setPhone(hc.phone ?? '')
    setHoursJa(hc.hours.ja ?? '')
    setHoursEn(hc.hours.en ?? '')
  }, [account])

  const save = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => onSaved(await endpoints.updateAccount({
      helpCenter: { host: orNull(host), email: orNull(email), phone: orNull(phone), hours: { ja: orNull(hoursJa), en: orNull(hoursEn) } },
    })))
  }

  return (
    <form className="card" onSubmit={save} aria-labelledby="help-center-title">
      <h2 id="help-center-title">{t('admin.helpCenter')}</h2>
      <p className="muted">{t('admin.helpCenterIntro')}</p>
      <ErrorNotice error={error} />
      {saved && (
        <p className="notice notice-ok" role="status">
          {t('common.saved')}
        </p>
      )}
      <label className="field">
        <span>{t('admin.helpCenterHost')}</span>
        <input value={host} onChange={(e) => setHost(e.target.value)} placeholder="help.example.com" aria-describedby="help-center-host-hint" />
        <small id="help-center-host-hint" className="muted">{t('admin.helpCenterHostHint')}</small>
      </label>
      <label className="field">
        <span>{t('admin.helpCenterEmail')}</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('admin.helpCenterPhone')}</span>
        <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('admin.helpCenterHoursJa')}</span>
        <input value={hoursJa} onChange={(e) => setHoursJa(e.target.value)} placeholder="平日 9:00〜18:00" />
      </label>
      <label className="field">
        <span>{t('admin.helpCenterHoursEn')}</span>
        <input value={hoursEn} onChange={(e) => setHoursEn(e.target.value)} placeholder="Weekdays 9:00–18:00 JST" />
      </label>
      <p>
        <button type="submit" className="button-primary">
          {t('common.save')}
        </button>{' '}
        <a href="/help" target="_blank" rel="noopener">
          {t('admin.openHelpCenter')}
        </a>
      </p>
    </form>
  )
}
