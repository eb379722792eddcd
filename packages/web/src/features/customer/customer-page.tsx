import { useTranslation } from 'react-i18next'
import { customers } from '../../api/endpoints.ts'
import { useAsync } from '../../lib/use-async.ts'
import { navigate } from '../../lib/router.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { CareBanner } from './care-banner.tsx'
import { CustomerPanel } from './customer-panel.tsx'

/** A customer on their own (from search): the same 360 panel, full page. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const customer = useAsync(() => customers.get(customerId), customerId)
  if (customer.loading && !customer.data) return <Loading />
  if (!customer.data) return <ErrorNotice error={customer.error} onRetry={customer.reload} />

  return (
    <div className="customer-page">
      <h1 className="page-title">{customer.data.displayName}</h1>
      <p className="visually-hidden">{t('customer.title')}</p>
      <CareBanner customer={customer.data} />
      <CustomerPanel customer={customer.data} onChange={customer.setData} onMerged={(survivor) => {
        // Kept this one: show it with what moved in; kept the other: go there.
        customer.setData(survivor)
        navigate(`/customers/${survivor.id}`)
      }} />
    </div>
  )
}
