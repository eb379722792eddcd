import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { canManage } from '../automation/access.ts'
import { macros } from './macros-api.ts'
import type { MacroView } from './macros-api.ts'
import { MacroForm } from './macro-form.tsx'
import { useReturnFocus } from '../automation/use-return-focus.ts'
import '../automation/settings.css'

/** Shared macros and the signed-in agent's personal ones. Agents edit only their own. */
export function MacrosAdmin() {
  const { t } = useTranslation()
  const me = useMe()
  const list = useAsync(() => macros.list(), 'macros')
  const [editing, setEditing] = useState<MacroView | 'new' | null>(null)
  const creator = useReturnFocus<HTMLButtonElement>(editing !== null)
  const [error, setError] = useState<unknown>(null)
  const supervisor = canManage(me.role)
  const mayEdit = (m: MacroView) => !m.shared || supervisor

  const remove = async (m: MacroView) => {
    if (!window.confirm(t('macros.confirmDelete', { name: m.name }))) return
    setError(null)
    try {
      await macros.delete(m.id)
      list.setData((items) => (items ?? []).filter((x) => x.id !== m.id))
    } catch (err) {
      setError(err)
    }
  }

  return (
    <div>
      <h2>{t('settings.macros')}</h2>
      <p className="muted">{t('macros.intro')}</p>
      <ErrorNotice error={error} />
      {editing === null ? (
        <button type="button" className="button-primary" ref={creator} onClick={() => setEditing('new')}>{t('macros.create')}</button>
      ) : (
        <MacroForm
          key={editing === 'new' ? 'new' : editing.id}
          macro={editing === 'new' ? null : editing}
          canShare={supervisor}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            list.reload()
          }}
        />
      )}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.data?.length === 0 && <EmptyState title={t('macros.none')}>{t('macros.noneHint')}</EmptyState>}
      {list.data && list.data.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('settings.macros')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('macros.name')}</th>
              <th scope="col">{t('macros.scope')}</th>
              <th scope="col">{t('macros.languages')}</th>
              <th scope="col">{t('macros.preview')}</th>
              <th scope="col"><span className="visually-hidden">{t('settings.rowActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.shared ? t('macros.sharedLabel') : t('macros.personalLabel')}</td>
                <td>{[m.bodyJa ? t('languages.ja') : null, m.bodyEn ? t('languages.en') : null].filter(Boolean).join(' / ')}</td>
                <td className="small">{(m.bodyJa ?? m.bodyEn ?? '').slice(0, 80)}</td>
                <td className="row">
                  {mayEdit(m) ? (
                    <>
                      <button type="button" className="button-small" onClick={() => setEditing(m)} aria-label={t('macros.editOf', { name: m.name })}>{t('settings.edit')}</button>
                      <button type="button" className="button-small" onClick={() => void remove(m)} aria-label={t('macros.deleteOf', { name: m.name })}>{t('settings.delete')}</button>
                    </>
                  ) : (
                    <span className="muted small">{t('macros.sharedReadOnly')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
