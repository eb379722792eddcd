import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import { ApiError } from '../api/client.ts'

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()

  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  )
}

/** The server's own localized message when there is one; a plain sentence otherwise. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation()

  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'network.unreachable') return t('errors.network')
      const details = Array.isArray(error.details)
        ? (error.details as { path?: string; message?: string }[])
            .map((d) => [d.path, d.message].filter(Boolean).join(': '))
            .filter(Boolean)
        : []

      return details.length ? `${error.message} (${details.join('; ')})` : error.message
    }

    return t('errors.unexpected')
  }
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  if (!error) return null

  return (
    <div className="notice notice-error" role="alert">
      <span>{errorText(error)}</span>
      {onRetry && (
        <button type="button" className="button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  )
}
