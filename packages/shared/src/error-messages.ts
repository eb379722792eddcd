import type { ErrorCode } from './errors.ts'

export type Locale = 'ja' | 'en'
export const LOCALES: readonly Locale[] = ['ja', 'en']

type Messages = Record<ErrorCode, { en: string; ja: string }>

/** Localized message for every error code; the agent app shows these as they are. */
export const ERROR_MESSAGES = {
  'request.malformed_json': { en: 'The request body is not valid JSON.', ja: 'リクエスト本文が正しい JSON ではありません。' },
  'request.invalid_encoding': { en: 'The request is not valid UTF-8.', ja: 'リクエストが正しい UTF-8 ではありません。' },
  'request.validation_failed': { en: 'Some fields are missing or invalid.', ja: '入力内容に不足または誤りがあります。' },
  'request.unsupported_media_type': { en: 'This content type is not supported here.', ja: 'この Content-Type には対応していません。' },
  'request.payload_too_large': { en: 'The request body is too large.', ja: 'リクエスト本文が大きすぎます。' },
  'request.not_found': { en: 'No such endpoint.', ja: 'そのエンドポイントは存在しません。' },
  'request.method_not_allowed': { en: 'This method is not allowed here.', ja: 'このメソッドは使用できません。' },
  'request.rate_limited': { en: 'Too many requests. Please wait and try again.', ja: 'リクエストが多すぎます。しばらく待ってから再度お試しください。' },
  'request.idempotency_key_reused': { en: 'This Idempotency-Key was already used with a different request.', ja: 'この Idempotency-Key は別のリクエストで使用済みです。' },
  'request.idempotency_in_progress': { en: 'A request with this Idempotency-Key is still in progress.', ja: '同じ Idempotency-Key のリクエストを処理中です。' },
  'request.idempotency_key_invalid': { en: 'The Idempotency-Key must be 1 to 255 printable ASCII characters.', ja: 'Idempotency-Key は 1〜255 文字の半角英数記号で指定してください。' },
  'auth.required': { en: 'Please sign in.', ja: 'ログインしてください。' },
  'auth.invalid_credentials': { en: 'The email or password is incorrect.', ja: 'メールアドレスまたはパスワードが正しくありません。' },
  'auth.csrf_failed': { en: 'The security token is missing or expired. Reload the page.', ja: 'セキュリティトークンがないか期限切れです。ページを再読み込みしてください。' },
  'auth.forbidden': { en: 'You do not have permission to do this.', ja: 'この操作を行う権限がありません。' },
  'auth.token_invalid': { en: 'The API token is invalid or revoked.', ja: 'API トークンが無効か失効しています。' },
  'auth.current_password_incorrect': { en: 'The current password is incorrect.', ja: '現在のパスワードが正しくありません。' },
  'agent.not_found': { en: 'No such agent.', ja: '該当する担当者がいません。' },
  'agent.email_taken': { en: 'An agent with this email already exists.', ja: 'このメールアドレスの担当者は既に存在します。' },
  'agent.cannot_deactivate_self': { en: 'You cannot deactivate your own account or remove your own admin role.', ja: '自分自身のアカウントの無効化や管理者権限の解除はできません。' },
  'agent.team_not_found': { en: 'One of the teams does not exist.', ja: '指定されたチームが存在しません。' },
  'team.not_found': { en: 'No such team.', ja: '該当するチームがありません。' },
  'team.name_taken': { en: 'A team with this name already exists.', ja: '同じ名前のチームが既に存在します。' },
  'token.not_found': { en: 'No such API token.', ja: '該当する API トークンがありません。' },
  'customer.not_found': { en: 'No such customer.', ja: '該当する顧客がいません。' },
  'customer.crn_invalid': { en: 'No such CRN: the number is mistyped (check character does not match).', ja: 'その顧客番号はありません（入力ミスの可能性があります）。' },
  'customer.contact_taken': { en: 'This contact already belongs to another customer.', ja: 'この連絡先は別の顧客に登録されています。' },
  'customer.cannot_merge_into_self': { en: 'A customer cannot be merged into itself.', ja: '同じ顧客同士は統合できません。' },
  'customer.already_merged': { en: 'This customer was already merged into another.', ja: 'この顧客は既に別の顧客に統合されています。' },
  'customer.phone_invalid': { en: 'The phone number is not valid.', ja: '電話番号が正しくありません。' },
  'customer.email_invalid': { en: 'The email address is not valid.', ja: 'メールアドレスが正しくありません。' },
  'customer.contact_not_found': { en: 'This customer has no such contact.', ja: 'この顧客にその連絡先はありません。' },
  'ticket.not_found': { en: 'No such ticket.', ja: '該当するチケットがありません。' },
  'ticket.invalid_transition': { en: 'The ticket cannot move to this status.', ja: 'このステータスには変更できません。' },
  'ticket.assignee_not_found': { en: 'The assignee does not exist or is inactive.', ja: '担当者が存在しないか無効です。' },
  'ticket.team_not_found': { en: 'The team does not exist.', ja: 'チームが存在しません。' },
  'ticket.customer_required': { en: 'A customer (id, CRN, email or phone) is required.', ja: '顧客（ID・顧客番号・メール・電話のいずれか）が必要です。' },
  'ticket.closed': { en: 'This ticket is closed. Please open a new ticket.', ja: 'このチケットはクローズ済みです。新しいチケットを作成してください。' },
  'inbox.not_found': { en: 'No such inbox.', ja: '該当する受信箱がありません。' },
  'inbox.address_taken': { en: 'This address is already used by another inbox.', ja: 'このアドレスは別の受信箱で使用されています。' },
  'attachment.not_found': { en: 'No such attachment.', ja: '該当する添付ファイルがありません。' },
  'job.not_found': { en: 'No such job.', ja: '該当するジョブがありません。' },
  'job.not_retryable': { en: 'Only dead or failed jobs can be retried.', ja: '再実行できるのは失敗または停止したジョブだけです。' },
  'calendar.not_found': { en: 'No such business calendar.', ja: '該当する営業カレンダーがありません。' },
  'calendar.name_taken': { en: 'A business calendar with this name already exists.', ja: '同じ名前の営業カレンダーが既に存在します。' },
  'sla.policy_not_found': { en: 'No such SLA policy.', ja: '該当する SLA ポリシーがありません。' },
  'escalation.no_next_step': { en: 'There is no further escalation step for this ticket.', ja: 'このチケットにはこれ以上のエスカレーション先がありません。' },
  'escalation.not_found': { en: 'No such escalation.', ja: '該当するエスカレーションがありません。' },
  'notification.not_found': { en: 'No such notification.', ja: '該当する通知がありません。' },
  'automation.rule_not_found': { en: 'No such automation rule.', ja: '該当する自動化ルールがありません。' },
  'macro.not_found': { en: 'No such macro.', ja: '該当するマクロがありません。' },
  'kb.category_not_found': { en: 'No such category or section.', ja: '該当するカテゴリまたはセクションがありません。' },
  'kb.category_invalid_parent': { en: 'Sections can only be placed directly under a category.', ja: 'セクションはカテゴリの直下にのみ作成できます。' },
  'kb.article_not_found': { en: 'No such article.', ja: '該当する記事がありません。' },
  'kb.revision_not_found': { en: 'No such revision of this article.', ja: 'この記事に該当する版がありません。' },
  'kb.related_not_found': { en: 'A related article does not exist.', ja: '関連記事が存在しません。' },
  'kb.image_not_found': { en: 'No such image.', ja: '該当する画像がありません。' },
  'kb.image_invalid': { en: 'Upload a PNG, JPEG, GIF or WebP image.', ja: 'PNG、JPEG、GIF、WebP の画像をアップロードしてください。' },
  'server.unavailable': { en: 'The service is temporarily unavailable.', ja: 'サービスが一時的に利用できません。' },
  'server.internal': { en: 'Something went wrong on our side.', ja: 'サーバー内部でエラーが発生しました。' },
} satisfies Messages

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_MESSAGES[code][locale]
}
