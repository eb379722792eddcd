import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreatedApiTokenView } from '@madoguchi/shared'
import { tokens } from '../../api/endpoints.ts'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { CopyButton } from '../../ui/copy-button.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'

/**
 * The agent's personal API tokens (GET/POST/DELETE /api/v1/tokens). A new token's
 * secret exists only in the create answer, so it is shown once here, with a copy
 * button, until the agent dismisses it; the list shows only its first characters.
 */
export function ApiTokens() {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const list = useAsync(() => tokens.list(), 'tokens')
  const [created, setCreated] = useState<CreatedApiTokenView | null>(null)
  const [error, setError] = useState<unknown>(null)

  const revoke = async (id: string, name: string) => {
    if (!window.confirm(t('tokens.revokeConfirm', { name }))) return
    setError(null)
    try {
      await tokens.revoke(id)
      list.setData((previous) => ({ items: (previous?.items ?? []).filter((item) => item.id !== id) }))
      if (created?.id === id) setCreated(null)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section aria-labelledby="tokens-title" className="api-tokens">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p className="muted small">{t('tokens.intro')}</p>
      {created && (
        <div className="notice token-secret" role="status" data-testid="new-token">
          <p>
            <strong>{t('tokens.createdTitle', { name: created.name })}</strong>
          </p>
          <p>{t('tokens.shownOnce')}</p>
          <div className="row">
            <code data-testid="new-token-secret">{created.token}</code>
            <CopyButton text={created.token} label={t('tokens.copy')} />
          </div>
          <button type="button" className="button-small" onClick={() => setCreated(null)}>
            {t('tokens.dismiss')}
          </button>
        </div>
      )}
      <CreateTokenForm
        onCreated={(token) => {
          setCreated(token)
          list.reload()
        }}
      />
      <ErrorNotice error={error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error && !list.data ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <EmptyState title={t('tokens.none')} />
      ) : (
        <table className="table" data-testid="token-list">
          <caption className="visually-hidden">{t('tokens.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.prefix')}</th>
              <th scope="col">{t('tokens.createdAt')}</th>
              <th scope="col">{t('tokens.lastUsedAt')}</th>
              <th scope="col">{t('tokens.expiresAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((token) => (
              <tr key={token.id} data-testid="token-row">
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{formatDateTime(token.createdAt, i18n.language, me.timeZone)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language, me.timeZone) : t('tokens.never')}</td>
                <td>{token.expiresAt ? formatDate(token.expiresAt, i18n.language, me.timeZone) : t('tokens.noExpiry')}</td>
                <td>
                  <button type="button" className="button-small" onClick={() => void revoke(token.id, token.name)} aria-label={t('tokens.revokeLabel', { name: token.name })}>
                    {t('tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function CreateTokenForm({ onCreated }: { onCreated(token: CreatedApiTokenView): void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [expires, setExpires] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    setBusy(true)
    setError(null)
    try {
      // A date means "valid through that day" in the agent's browser time.
      const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null
      onCreated(await tokens.create(name.trim(), expiresAt))
      setName('')
      setExpires('')
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="create-token row" onSubmit={(e) => void submit(e)} aria-label={t('tokens.create')}>
      <ErrorNotice error={error} />
      <label className="field">
        <span>{t('tokens.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required placeholder={t('tokens.namePlaceholder')} />
      </label>
      <label className="field">
        <span>{t('tokens.expiresOptional')}</span>
        <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
      </label>
      <button type="submit" className="button-primary button-small" disabled={busy}>
        {t('tokens.create')}
      </button>
    </form>
  )
}
