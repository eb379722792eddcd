import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { durationParts } from './duration.ts'
import type { SlaInput, SlaStatus } from './sla-status.ts'
import { slaStatus } from './sla-status.ts'
import { useNow } from './use-now.ts'
import './sla.css'

export function formatDuration(t: TFunction, minutes: number): string {
  const p = durationParts(minutes)

  return t(`sla.duration.${p.key}`, { d: p.d, h: p.h, m: p.m })
}

/** "due in 2h 10m" / 「残り2時間10分」, "overdue 35m" / 「35分超過」, "waiting on the customer". */
export function timingText(t: TFunction, status: SlaStatus): string {
  const timing = status.timing
  switch (timing.kind) {
    case 'due': return t('sla.dueIn', { time: formatDuration(t, timing.minutes) })
    case 'overdue': return t('sla.overdue', { time: formatDuration(t, timing.minutes) })
    case 'waiting': return timing.minutesLeft === null ? t('sla.waiting') : `${t('sla.waiting')} · ${t('sla.pausedLeft', { time: formatDuration(t, timing.minutesLeft) })}`
    case 'met': return t('sla.allMet')
    case 'none': return ''
  }
}

/**
 * The SLA badge: colour AND words (the state is written out whenever it is not
 * "on track", and the timing always is), so it reads the same without colour.
 */
export function SlaBadge({ sla, compact = false }: { sla: SlaInput; compact?: boolean }) {
  const { t } = useTranslation()
  const now = useNow()
  const status = slaStatus(sla, now)
  if (!status) return null
  const metric = status.metric ? t(`sla.metric.${status.metric}`) : t('sla.label')
  const stateLabel = t(`sla.state.${status.state}`)
  const text = timingText(t, status)
  const showState = status.state !== 'ok'

  return (
    <span
      className={`sla-badge sla-${status.state}${compact ? ' sla-compact' : ''}`}
      data-testid="sla-badge"
      data-state={status.state}
      title={t('sla.badgeTitle', { state: stateLabel, metric, text })}
    >
      {/* Spaces between the parts keep the words apart for screen readers and copy-paste (the flex gap only spaces them visually). */}
      {showState && <><strong className="sla-state">{stateLabel}</strong>{' '}</>}
      <span className="sla-metric">{metric}</span>
      {text && <>{' '}<span className="sla-time">· {text}</span></>}
    </span>
  )
}
