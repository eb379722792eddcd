import type { Kysely } from 'kysely'

/**
 * Core schema: accounts, agents, teams, sessions, tokens, customers, tickets,
 * messages, events, audit log, idempotency keys, jobs, rate limits.
 *
 * Portable on purpose (frozen in time, `Kysely<any>`): ids are UUIDv7 text minted by
 * the app, timestamps ISO-8601 UTC text (sortable), booleans 0/1 integers, JSON as
 * text. No dialect-only defaults.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_locale', 'text', (c) => c.notNull().defaultTo('ja'))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Tokyo'))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('next_ticket_number', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_partner', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('teams_account_name_uq', ['account_id', 'name'])
    .execute()

  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('["ja"]'))
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Tokyo'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('ja'))
    .addColumn('presence', 'text', (c) => c.notNull().defaultTo('offline'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agents_account_email_uq', ['account_id', 'email'])
    .execute()
  // Login looks an agent up by email before the account is known.
  await db.schema.createIndex('agents_email_idx').on('agents').column('email').execute()

  await db.schema
    .createTable('agent_teams')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addPrimaryKeyConstraint('agent_teams_pk', ['agent_id', 'team_id'])
    .execute()
  await db.schema.createIndex('agent_teams_team_idx').on('agent_teams').column('team_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_agent_idx').on('sessions').column('agent_id').execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('api_tokens_agent_idx').on('api_tokens').column('agent_id').execute()

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('crn', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text')
    .addColumn('given_name', 'text')
    .addColumn('family_name_kana', 'text')
    .addColumn('given_name_kana', 'text')
    .addColumn('preferred_name', 'text')
    .addColumn('honorific', 'text')
    .addColumn('organization', 'text')
    .addColumn('language', 'text')
    .addColumn('birthday', 'text')
    .addColumn('anniversary', 'text')
    .addColumn('is_internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_vip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vip_reason', 'text')
    .addColumn('handle_with_care', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('care_reason', 'text')
    .addColumn('marketing_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('marketing_consent_at', 'text')
    .addColumn('lifetime_value', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('JPY'))
    .addColumn('notes', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customers_account_crn_uq', ['account_id', 'crn'])
    .execute()
  await db.schema.createIndex('customers_account_id_idx').on('customers').columns(['account_id', 'id']).execute()
  await db.schema.createIndex('customers_account_updated_idx').on('customers').columns(['account_id', 'updated_at', 'id']).execute()

  // Emails, phones (E.164), LINE ids and external ids of a customer, normalized.
  await db.schema
    .createTable('customer_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_at', 'text')
    .addColumn('bouncing_at', 'text')
    .addColumn('bounce_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customer_contacts_value_uq', ['account_id', 'kind', 'value'])
    .execute()
  await db.schema.createIndex('customer_contacts_customer_idx').on('customer_contacts').column('customer_id').execute()

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('assignee_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('inbox_id', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_response_at', 'text')
    .addColumn('waiting_since', 'text')
    .addColumn('last_message_at', 'text')
    .addColumn('solved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tickets_account_number_uq', ['account_id', 'number'])
    .execute()
  // One index per list filter, each ending in the sort key (updated_at, id) so a
  // filtered, cursor-paged list is an index range scan whatever the table size.
  for (const column of ['status', 'assignee_id', 'team_id', 'customer_id', 'channel', 'priority', 'category']) {
    await db.schema
      .createIndex(`tickets_${column}_idx`)
      .on('tickets')
      .columns(['account_id', column, 'updated_at', 'id'])
      .execute()
  }
  await db.schema.createIndex('tickets_updated_idx').on('tickets').columns(['account_id', 'updated_at', 'id']).execute()

  await db.schema
    .createTable('ticket_tags')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
    .execute()
  await db.schema.createIndex('ticket_tags_tag_idx').on('ticket_tags').columns(['account_id', 'tag', 'ticket_id']).execute()

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_agent_id', 'text')
    .addColumn('author_customer_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    .addColumn('external_id', 'text')
    .addColumn('delivery_status', 'text')
    .addColumn('delivery_error', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('messages_ticket_idx').on('messages').columns(['ticket_id', 'id']).execute()
  // A retried delivery (same Message-ID, same LINE message id) is stored once.
  await db.schema
    .createIndex('messages_external_uq')
    .on('messages')
    .columns(['account_id', 'channel', 'external_id'])
    .unique()
    .execute()

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('field', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('events_subject_idx').on('events').columns(['subject_type', 'subject_id', 'id']).execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_account_idx').on('audit_log').columns(['account_id', 'id']).execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'principal', 'key'])
    .execute()

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute()
  await db.schema.createIndex('jobs_dedupe_uq').on('jobs').columns(['type', 'dedupe_key']).unique().execute()

  // Fixed-window counters for rate limits, shared by every app node.
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'rate_limits', 'jobs', 'idempotency_keys', 'audit_log', 'events', 'messages', 'ticket_tags',
    'tickets', 'customer_contacts', 'customers', 'api_tokens', 'sessions', 'agent_teams', 'agents',
    'teams', 'accounts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
