import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import type { KbArticleView } from './kb-api.ts'
import { kb } from './kb-api.ts'

/** Views and "Was this helpful?" per translation, and the comments readers left with a "no". */
export function FeedbackPanel({ article }: { article: KbArticleView }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const feedback = useAsync(() => kb.feedback(article.id), article.id)
  const comments = feedback.data?.filter((f) => f.comment) ?? []

  return (
    <section className="card" aria-labelledby="kb-feedback-title" data-testid="kb-feedback">
      <h2 id="kb-feedback-title" className="panel-title">{t('kb.readers')}</h2>
      <table className="table small">
        <thead>
          <tr>
            <th scope="col">{t('kb.language')}</th>
            <th scope="col">{t('kb.views')}</th>
            <th scope="col">{t('kb.helpful')}</th>
            <th scope="col">{t('kb.notHelpful')}</th>
          </tr>
        </thead>
        <tbody>
          {article.translations.map((tr) => (
            <tr key={tr.locale}>
              <th scope="row">{t(`languages.${tr.locale}`)}</th>
              <td>{tr.viewCount}</td>
              <td>{tr.helpfulCount}</td>
              <td>{tr.notHelpfulCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="panel-subtitle">{t('kb.comments')}</h3>
      <ErrorNotice error={feedback.error} onRetry={feedback.reload} />
      {feedback.loading && !feedback.data && <Loading />}
      {feedback.data && comments.length === 0 && <p className="muted small">{t('kb.noComments')}</p>}
      <ul className="kb-plain-list">
        {comments.map((f) => (
          <li key={f.id} className="kb-comment">
            <span className="muted small">
              {formatDateTime(f.createdAt, i18n.language, me.timeZone)} · {t(`languages.${f.locale}`)} · {f.helpful ? t('kb.votedYes') : t('kb.votedNo')}
            </span>
            <p lang={f.locale}>{f.comment}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
