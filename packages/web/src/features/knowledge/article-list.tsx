import { useTranslation } from 'react-i18next'
import { Link } from '../../lib/router.tsx'
import { formatShort } from '../../lib/format.ts'
import { useMe } from '../../session/session.tsx'
import type { KbArticleView, KbCategoryView } from './kb-api.ts'
import { categoryOptions, displayTranslation } from './kb-labels.ts'

interface Props {
  articles: KbArticleView[]
  categories: KbCategoryView[] | undefined
}

/** One row per article: title in the agent's language, each translation's state, counts. */
export function ArticleList({ articles, categories }: Props) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const names = new Map(categoryOptions(categories ?? [], i18n.language).map((c) => [c.id, c.label]))

  return (
    <ul className="kb-list" aria-label={t('kb.articles')}>
      {articles.map((article) => {
        const shown = displayTranslation(article, i18n.language)
        const views = article.translations.reduce((n, tr) => n + tr.viewCount, 0)
        const helpful = article.translations.reduce((n, tr) => n + tr.helpfulCount, 0)
        const notHelpful = article.translations.reduce((n, tr) => n + tr.notHelpfulCount, 0)

        return (
          <li key={article.id} className="kb-row" data-testid="kb-row">
            <Link to={`/kb/articles/${article.id}?locale=${shown?.locale ?? 'ja'}`} className="kb-row-title">
              {shown?.title ?? t('kb.untitled')}
            </Link>
            <div className="kb-row-meta small">
              {article.translations.map((tr) => (
                <span key={tr.locale} className={`pill kb-status-${tr.status}`}>
                  {tr.locale.toUpperCase()}: {t(`kb.statuses.${tr.status}`)}
                </span>
              ))}
              <span className={`pill kb-visibility-${article.visibility}`}>{t(`kb.visibilities.${article.visibility}`)}</span>
              {article.isFaq && <span className="pill">{t('kb.faqBadge')}</span>}
              {article.tags.map((tag) => <span key={tag} className="kb-tag">#{tag}</span>)}
              <span className="muted">{names.get(article.categoryId) ?? ''}</span>
              <span className="muted">{t('kb.counts', { views, helpful, notHelpful })}</span>
              <span className="muted">{formatShort(article.updatedAt, i18n.language, me.timeZone)}</span>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
