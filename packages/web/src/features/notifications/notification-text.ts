import type { TFunction } from 'i18next'
import type { NotificationView } from '../../api/endpoints.ts'

/** One line per notification: escalations carry number, subject and reason in `data`; automation's notify action number and message. */
export function notificationText(t: TFunction, n: NotificationView): string {
  if (n.kind === 'ticket.escalated') {
    const reason = typeof n.data.reason === 'string' ? t(`escalation.reasons.${n.data.reason}`, { defaultValue: n.data.reason }) : ''

    return t('notifications.escalated', { number: n.data.number ?? '', subject: n.data.subject ?? '', reason })
  }

  if (n.kind === 'automation.notify') return t('notifications.automation', { number: n.data.number ?? '', message: n.data.message ?? '' })

  return t('notifications.other', { kind: n.kind })
}
