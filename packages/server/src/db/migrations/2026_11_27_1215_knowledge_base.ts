import type { Kysely } from 'kysely'

/**
 * Knowledge base and help center (issue 6): categories/sections, article groups
 * (one per article, settings shared by its translations), one translation per
 * locale, every save a revision, reader feedback, and the per-account secret
 * that signs the help center's anonymous forms.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kb_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('parent_id', 'text')
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_ja', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('kb_categories_account_idx').on('kb_categories').columns(['account_id', 'position']).execute()

  await db.schema
    .createTable('kb_article_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('kb_categories.id'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('is_faq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('related_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('kb_article_groups_account_idx').on('kb_article_groups').columns(['account_id', 'id']).execute()
  await db.schema.createIndex('kb_article_groups_category_idx').on('kb_article_groups').columns(['account_id', 'category_id']).execute()

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('kb_article_groups.id'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('published_revision', 'integer')
    .addColumn('published_title', 'text')
    .addColumn('published_html', 'text')
    .addColumn('published_at', 'text')
    // toIndexText of the published title and text, space-padded: the help center's LIKE search.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kb_articles_group_locale_key', ['group_id', 'locale'])
    .execute()
  await db.schema.createIndex('kb_articles_published_idx').on('kb_articles').columns(['account_id', 'locale', 'published_revision']).execute()

  await db.schema
    .createTable('kb_article_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('restored_from', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kb_article_revisions_number_key', ['article_id', 'number'])
    .execute()

  await db.schema
    .createTable('kb_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('kb_feedback_article_idx').on('kb_feedback').columns(['article_id', 'created_at']).execute()

  await db.schema
    .createTable('help_center_secrets')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['help_center_secrets', 'kb_feedback', 'kb_article_revisions', 'kb_articles', 'kb_article_groups', 'kb_categories']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
