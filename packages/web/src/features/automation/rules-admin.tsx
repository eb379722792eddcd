import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RuleView } from '@madoguchi/shared'
import { useAsync } from '../../lib/use-async.ts'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { useDirectory } from '../admin/directory.ts'
import { calendars as calendarsApi } from '../calendars/calendars-api.ts'
import { macros as macrosApi } from '../macros/macros-api.ts'
import { automation } from './automation-api.ts'
import { describeAction, describeCondition, eventLabel } from './describe-rule.ts'
import { DryRunPanel } from './dry-run-panel.tsx'
import { RuleForm } from './rule-form.tsx'
import { useReturnFocus } from './use-return-focus.ts'
import './settings.css'

const STEP = 10

/** Triggers and time rules in the order they run; reordering renumbers positions 10, 20, 30… */
export function RulesAdmin() {
  const { t } = useTranslation()
  const directory = useDirectory()
  const rules = useAsync(() => automation.rules(), 'rules')
  // Both lists only feed pickers in the form: if one fails, the form still works without it.
  const calendars = useAsync(() => calendarsApi.list().catch(() => []), 'calendars')
  const macros = useAsync(() => macrosApi.list().catch(() => []), 'macros')
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null)
  const creator = useReturnFocus<HTMLButtonElement>(editing !== null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const list = rules.data ?? []

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
      rules.reload()
    }
  }

  // Buttons stay enabled while saving (a disabled button drops the keyboard focus);
  // a second press meanwhile is ignored instead.
  const move = (index: number, by: -1 | 1) =>
    !busy && run(async () => {
      const order = [...list]
      const [moved] = order.splice(index, 1)
      order.splice(index + by, 0, moved!)
      // Only rules whose number changes are written.
      for (const [i, rule] of order.entries()) {
        if (rule.position !== (i + 1) * STEP) await automation.updateRule(rule.id, { position: (i + 1) * STEP })
      }
    })

  // Shown at once; the reload after the PATCH puts back the server's state if it refused.
  const toggle = (rule: RuleView, active: boolean) => {
    rules.setData((xs) => (xs ?? []).map((x) => (x.id === rule.id ? { ...x, active } : x)))
    void run(async () => void (await automation.updateRule(rule.id, { active })))
  }

  const remove = (rule: RuleView) => {
    if (!window.confirm(t('rules.confirmDelete', { name: rule.name }))) return
    void run(() => automation.deleteRule(rule.id))
  }

  const nextPosition = list.length ? Math.max(...list.map((r) => r.position)) + STEP : STEP

  return (
    <div>
      <h2>{t('settings.automation')}</h2>
      <p className="muted">{t('rules.intro')}</p>
      <ErrorNotice error={error} />
      {editing === null && (
        <button type="button" className="button-primary" ref={creator} onClick={() => setEditing('new')}>
          {t('rules.create')}
        </button>
      )}
      {editing !== null && (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          nextPosition={nextPosition}
          directory={directory}
          calendars={calendars.data ?? []}
          // A rule answers for everyone: only shared macros (a personal one could change or vanish with its owner).
          macros={(macros.data ?? []).filter((m) => m.shared)}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            rules.reload()
          }}
        />
      )}
      {rules.loading && !rules.data ? <Loading /> : null}
      {rules.error ? <ErrorNotice error={rules.error} onRetry={rules.reload} /> : null}
      {rules.data?.length === 0 && <EmptyState title={t('rules.none')}>{t('rules.noneHint')}</EmptyState>}
      {list.length > 0 && (
        <table className="table rule-table">
          <caption className="visually-hidden">{t('rules.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rules.order')}</th>
              <th scope="col">{t('rules.name')}</th>
              <th scope="col">{t('rules.when')}</th>
              <th scope="col">{t('rules.conditions')}</th>
              <th scope="col">{t('rules.actions')}</th>
              <th scope="col">{t('rules.active')}</th>
              <th scope="col"><span className="visually-hidden">{t('settings.rowActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((rule, i) => (
              <tr key={rule.id} className={rule.active ? '' : 'is-inactive'} data-testid="rule-row">
                <td>
                  <span className="rule-position">{i + 1}</span>
                  <button type="button" className="button-small" aria-disabled={i === 0} onClick={() => i > 0 && void move(i, -1)} aria-label={t('rules.moveUp', { name: rule.name })}>↑</button>
                  <button type="button" className="button-small" aria-disabled={i === list.length - 1} onClick={() => i < list.length - 1 && void move(i, 1)} aria-label={t('rules.moveDown', { name: rule.name })}>↓</button>
                </td>
                <td>{rule.name}</td>
                <td>{rule.kind === 'time' ? t('rules.kinds.time') : eventLabel(t, rule.event ?? 'ticket.created')}</td>
                <td>
                  {rule.conditions.length === 0 ? <span className="muted">{t('rules.always')}</span> : (
                    <ul className="plain">{rule.conditions.map((c, k) => <li key={k}>{describeCondition(t, directory, c)}</li>)}</ul>
                  )}
                </td>
                <td><ul className="plain">{rule.actions.map((a, k) => <li key={k}>{describeAction(t, directory, a)}</li>)}</ul></td>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={rule.active} onChange={(e) => toggle(rule, e.target.checked)} />
                    <span className="visually-hidden">{t('rules.activeOf', { name: rule.name })}</span>
                  </label>
                </td>
                <td className="row">
                  <button type="button" className="button-small" onClick={() => setEditing(rule)} aria-label={t('rules.editOf', { name: rule.name })}>{t('settings.edit')}</button>
                  <button type="button" className="button-small" disabled={busy} onClick={() => remove(rule)} aria-label={t('rules.deleteOf', { name: rule.name })}>{t('settings.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DryRunPanel />
    </div>
  )
}
