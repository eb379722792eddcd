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
          <div>
            <strong>{t('customer.careTitle', { name: customer.displayName })}</strong>
            <p>{customer.careReason || (reasonsLoading ? '…' : t('customer.noReason'))}</p>
          </div>
        </div>
      )}
      {customer.isVip && (
        <div className="banner banner-vip" role="note">
          <span className="banner-icon" aria-hidden="true">★</span>
          <div>
            <strong>{t('customer.vipTitle', { name: customer.displayName })}</strong>
            <p>{customer.vipReason || (reasonsLoading ? '…' : t('customer.noReason'))}</p>
          </div>
        </div>
      )}
    </div>
  )
}
