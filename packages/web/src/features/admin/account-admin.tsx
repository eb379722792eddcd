import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { directory as endpoints } from '../../api/endpoints.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useSave } from '../../lib/use-save.ts'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { HelpCenterSettings } from './help-center-settings.tsx'

export function AccountAdmin() {
  const { t } = useTranslation()
  const account = useAsync(() => endpoints.account(), 'account')
  const [name, setName] = useState('')
  const [locale, setLocale] = useState<'ja' | 'en'>('ja')
  const [timeZone, setTimeZone] = useState('Asia/Tokyo')
  const { error, saved, run } = useSave()

  useEffect(() => {
    if (!account.data) return
    setName(account.data.name)
    setLocale(account.data.defaultLocale)
    setTimeZone(account.data.timeZone)
  }, [account.data])

  const save = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => account.setData(await endpoints.updateAccount({ name, defaultLocale: locale, timeZone })))
  }

  if (account.loading && !account.data) return <Loading />
  if (!account.data) return <ErrorNotice error={account.error} onRetry={account.reload} />

  return (
    <>
      <form className="card" onSubmit={save} aria-labelledby="account-title">
        <h2 id="account-title">{t('admin.account')}</h2>
        <ErrorNotice error={error} />
        {saved && (
          <p className="notice notice-ok" role="status">
            {t('common.saved')}
          </p>
        )}
        <label className="field">
          <span>{t('admin.accountName')}</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('admin.defaultLocale')}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as 'ja' | 'en')}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="field">
          <span>{t('admin.timeZone')}</span>
          <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} list="time-zones" />
          <datalist id="time-zones">
            {['Asia/Tokyo', 'UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Singapore'].map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <button type="submit" className="button-primary">
          {t('common.save')}
        </button>
      </form>
      <HelpCenterSettings account={account.data} onSaved={account.setData} />
    </>
  )
}
