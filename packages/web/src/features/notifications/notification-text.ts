import type { TFunction } from 'i18next'
import type { NotificationView } from '../../api/endpoints.ts'

/** One line per notification; escalations carry number, subject and reason in `data`. */
export function notificationText(t: TFunction, n: NotificationView): string {
  if (n.kind === 'ticket.escalated') {
    const reason = typeof n.data.reason === 'string' ? t(`escalation.reasons.${n.data.reason}`, { defaultValue: n.data.reason }) : ''

    return t('notifications.escalated', { number: n.data.number ?? '', subject: n.data.subject ?? '', reason })
  }

  return t('notifications.other', { kind: n.kind })
}
