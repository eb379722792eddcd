import { useTranslation } from 'react-i18next'
import type { CustomerView } from '../../api/types.ts'

/**
 * VIP and "handle with care" with their reasons, full width above the thread:
 * every next agent must see them before writing a word.
 */
export function CareBanner({ customer, reasonsLoading = false }: {
  customer: Pick<CustomerView, 'isVip' | 'vipReason' | 'handleWithCare' | 'careReason' | 'displayName'>
  /** The flags come with the ticket, the reasons with the customer a moment later. */
  reasonsLoading?: boolean
}) {
  const { t } = useTranslation()
  if (!customer.isVip && !customer.handleWithCare) return null

  return (
    <div className="care-banners" data-testid="care-banner">
      {customer.handleWithCare && (
        <div className="banner banner-care" role="alert">
          <span className="banner-icon" aria-hidden="true">⚠</span>
          <p>
            <strong>{t('customer.careTitle', { name: customer.displayName })}</strong>{' '}
            <span>{customer.careReason || (reasonsLoading ? '…' : t('customer.noReason'))}</span>
          </p>
        </div>
      )}
      {customer.isVip && (
        <div className="banner banner-vip" role="note">
          <span className="banner-icon" aria-hidden="true">★</span>
          <p>
            <strong>{t('customer.vipTitle', { name: customer.displayName })}</strong>{' '}
            <span>{customer.vipReason || (reasonsLoading ? '…' : t('customer.noReason'))}</span>
          </p>
        </div>
      )}
    </div>
  )
}
