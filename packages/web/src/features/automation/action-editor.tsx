import { useTranslation } from 'react-i18next'
import type { AutomationAction, EscalationReason } from '@madoguchi/shared'
import { CATEGORIES, PRIORITIES, STATUSES } from '../../api/types.ts'
import type { TicketCategory, TicketPriority } from '../../api/types.ts'
import type { Directory } from '../admin/directory.ts'
import { ACTION_TYPES, ESCALATION_REASONS } from './options.ts'
import { FieldError } from './field-errors.tsx'
import { CommaListInput } from './comma-list-input.tsx'

type Status = Extract<AutomationAction, { type: 'set_status' }>['value']

export function newAction(type: AutomationAction['type'], d: Directory): AutomationAction {
  switch (type) {
    case 'assign': return { type, agentId: d.agents[0]?.id ?? null }
    case 'route': return { type }
    case 'set_status': return { type, value: 'open' }
    case 'set_priority': return { type, value: 'high' }
    case 'set_category': return { type, value: 'inquiry' }
    case 'set_team': return { type, value: d.teams[0]?.id ?? '' }
    case 'add_tags': return { type, tags: [] }
    case 'notify': return { type, message: '' }
    case 'reply': return { type, body: {} }
    case 'escalate': return { type, reason: 'beyond_authority', note: '' }
  }
}

interface Props {
  value: AutomationAction
  index: number
  onChange(next: AutomationAction): void
  onRemove(): void
  directory: Directory
  macros: { id: string; name: string }[]
  error: unknown
  form: string
}

/** One action of a rule. Reply texts take the same {{placeholders}} as macros. */
export function ActionEditor({ value, index, onChange, onRemove, directory, macros, error, form }: Props) {
  const { t } = useTranslation()
  const n = index + 1
  const agentOptions = directory.agents.filter((a) => a.active).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)
  const teamOptions = directory.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)

  return (
    <li className="rule-part">
      <div className="row wrap">
        <label className="field">
          <span>{t('rules.actionType', { n })}</span>
          <select value={value.type} onChange={(e) => onChange(newAction(e.target.value as AutomationAction['type'], directory))}>
            {ACTION_TYPES.map((type) => (
              <option key={type} value={type}>{t(`rules.actionTypes.${type}`)}</option>
            ))}
          </select>
        </label>
        {value.type === 'assign' && (
          <label className="field">
            <span>{t('fields.assignee')}</span>
            <select value={value.agentId ?? ''} onChange={(e) => onChange({ ...value, agentId: e.target.value || null })}>
              <option value="">{t('rules.nobody')}</option>
              {agentOptions}
            </select>
          </label>
        )}
        {value.type === 'route' && <span className="muted small">{t('rules.routeHint')}</span>}
        {value.type === 'set_status' && (
          <label className="field">
            <span>{t('fields.status')}</span>
            <select value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value as Status })}>
              {STATUSES.filter((s) => s !== 'new').map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
            </select>
          </label>
        )}
        {value.type === 'set_priority' && (
          <label className="field">
            <span>{t('fields.priority')}</span>
            <select value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value as TicketPriority })}>
              {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priorities.${p}`)}</option>)}
            </select>
          </label>
        )}
        {value.type === 'set_category' && (
          <label className="field">
            <span>{t('fields.category')}</span>
            <select value={value.value ?? ''} onChange={(e) => onChange({ ...value, value: (e.target.value || null) as TicketCategory | null })}>
              <option value="">{t('rules.empty')}</option>
              {CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
            </select>
          </label>
        )}
        {value.type === 'set_team' && (
          <label className="field">
            <span>{t('fields.team')}</span>
            <select value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })}>
              {teamOptions}
            </select>
          </label>
        )}
        {value.type === 'add_tags' && (
          <label className="field">
            <span>{t('rules.tagsComma')}</span>
            <CommaListInput value={value.tags} onChange={(tags) => onChange({ ...value, tags })} />
          </label>
        )}
        {value.type === 'notify' && (
          <>
            <label className="field">
              <span>{t('rules.notifyAgent')}</span>
              <select value={value.agentId ?? ''} onChange={(e) => onChange(withOptional(value, 'agentId', e.target.value))}>
                <option value="">{t('rules.assignee')}</option>
                {agentOptions}
              </select>
            </label>
            <label className="field">
              <span>{t('rules.notifyTeam')}</span>
              <select value={value.teamId ?? ''} onChange={(e) => onChange(withOptional(value, 'teamId', e.target.value))}>
                <option value="">{t('rules.noTeam')}</option>
                {teamOptions}
              </select>
            </label>
            <label className="field grow">
              <span>{t('rules.message')}</span>
              <input value={value.message} required onChange={(e) => onChange({ ...value, message: e.target.value })} />
            </label>
          </>
        )}
        {value.type === 'reply' && <ReplyInputs value={value} onChange={onChange} macros={macros} />}
        {value.type === 'escalate' && (
          <>
            <label className="field">
              <span>{t('rules.reason')}</span>
              <select value={value.reason} onChange={(e) => onChange({ ...value, reason: e.target.value as EscalationReason })}>
                {ESCALATION_REASONS.map((r) => <option key={r} value={r}>{t(`rules.reasons.${r}`)}</option>)}
              </select>
            </label>
            <label className="field grow">
              <span>{t('rules.note')}</span>
              <input value={value.note} required onChange={(e) => onChange({ ...value, note: e.target.value })} />
            </label>
          </>
        )}
        <button type="button" className="button-small" onClick={onRemove} aria-label={t('rules.removeAction', { n })}>
          {t('rules.remove')}
        </button>
      </div>
      <FieldError error={error} path={`actions.${index}`} form={form} />
    </li>
  )
}

function withOptional<A extends object, K extends string>(action: A, key: K, id: string): A {
  const next = { ...action } as Record<string, unknown>
  if (id) next[key] = id
  else delete next[key]

  return next as A
}

type ReplyAction = Extract<AutomationAction, { type: 'reply' }>

/** A reply from a macro, or its own ja/en text; an empty language is left out (the server picks the other). */
function ReplyInputs({ value, onChange, macros }: { value: ReplyAction; onChange(a: AutomationAction): void; macros: { id: string; name: string }[] }) {
  const { t } = useTranslation()
  const setBody = (lang: 'ja' | 'en', text: string) => {
    const body = { ...value.body }
    if (text) body[lang] = text
    else delete body[lang]
    onChange({ type: 'reply', body })
  }

  return (
    <>
      <label className="field">
        <span>{t('rules.replyFrom')}</span>
        <select value={value.macroId ?? ''} onChange={(e) => onChange(e.target.value ? { type: 'reply', macroId: e.target.value } : { type: 'reply', body: {} })}>
          <option value="">{t('rules.ownText')}</option>
          {macros.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      {!value.macroId && (
        <>
          <label className="field grow">
            <span>{t('rules.replyJa')}</span>
            <textarea rows={2} value={value.body?.ja ?? ''} onChange={(e) => setBody('ja', e.target.value)} />
          </label>
          <label className="field grow">
            <span>{t('rules.replyEn')}</span>
            <textarea rows={2} value={value.body?.en ?? ''} onChange={(e) => setBody('en', e.target.value)} />
          </label>
          <span className="muted small">{t('rules.placeholdersHint', { example: '{{customer.preferred_name}}' })}</span>
        </>
      )}
    </>
  )
}
