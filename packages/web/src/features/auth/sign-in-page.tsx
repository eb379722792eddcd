import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../session/session.tsx'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { LanguageSwitch } from '../shell/language-switch.tsx'

export function SignInPage() {
  const { t } = useTranslation()
  const { signIn } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(email, password)
    } catch (err) {
      // What was typed stays in the fields so a typo is fixed, not retyped.
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="sign-in-top">
          <h1 id="sign-in-title">
            <span className="brand-mark" aria-hidden="true">窓</span> Madoguchi
          </h1>
          <LanguageSwitch persist={false} />
        </div>
        <p className="muted">{t('signIn.subtitle')}</p>
        <ErrorNotice error={error} />
        <label className="field">
          <span>{t('signIn.email')}</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </main>
  )
}
