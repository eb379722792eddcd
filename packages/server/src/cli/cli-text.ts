/**
 * Terminal output in the operator's language: Japanese when LANG/LC_ALL/LC_MESSAGES
 * says `ja…`, English otherwise. Every message exists in both.
 */
export type CliLocale = 'ja' | 'en'

export function cliLocale(env: NodeJS.ProcessEnv): CliLocale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''

  return /^ja/i.test(lang) ? 'ja' : 'en'
}

export const CLI_TEXT = {
  unknownCommand: { en: (c: string) => `Unknown command: ${c}`, ja: (c: string) => `不明なコマンドです: ${c}` },
  badArguments: { en: (m: string) => `Invalid arguments: ${m}`, ja: (m: string) => `引数が正しくありません: ${m}` },
  failed: { en: (m: string) => `Error: ${m}`, ja: (m: string) => `エラー: ${m}` },
  migrated: {
    en: (n: string[]) => (n.length ? `Applied migrations: ${n.join(', ')}` : 'Database schema is up to date.'),
    ja: (n: string[]) => (n.length ? `マイグレーションを適用しました: ${n.join(', ')}` : 'データベースは最新です。'),
  },
  running: { en: 'Madoguchi is running', ja: 'Madoguchi を起動しました' },
  openUrl: { en: 'Open', ja: 'ブラウザで開く' },
  apiDocs: { en: 'API reference', ja: 'API リファレンス' },
  adminLogin: { en: 'Admin login', ja: '管理者ログイン' },
  password: { en: 'password', ja: 'パスワード' },
  passwordOnce: {
    en: 'This password is shown only once and is not stored anywhere. Change it after signing in.',
    ja: 'このパスワードは今回だけ表示され、どこにも保存されません。ログイン後に変更してください。',
  },
  passwordFromEnv: { en: '(from MADOGUCHI_ADMIN_PASSWORD)', ja: '（MADOGUCHI_ADMIN_PASSWORD の値）' },
  existingAdmin: {
    en: 'An admin already exists; sign in with your password (`madoguchi create-admin` resets one).',
    ja: '管理者は作成済みです。既存のパスワードでログインしてください（再設定は `madoguchi create-admin`）。',
  },
  demoLoaded: {
    en: (t: number, c: number) => `Demo data loaded: ${t} tickets, ${c} customers (MADOGUCHI_DEMO=0 to skip).`,
    ja: (t: number, c: number) => `デモデータを読み込みました: チケット ${t} 件、顧客 ${c} 名（不要なら MADOGUCHI_DEMO=0）。`,
  },
  jobsInProcess: { en: 'Background jobs run in this process.', ja: 'バックグラウンドジョブはこのプロセスで実行します。' },
  stopHint: { en: 'Press Ctrl+C to stop.', ja: '停止するには Ctrl+C を押してください。' },
  shuttingDown: { en: (s: string) => `${s} received: shutting down…`, ja: (s: string) => `${s} を受信しました。終了しています…` },
  forcedExit: { en: 'Shutdown took too long: exiting now.', ja: '終了処理に時間がかかりすぎたため、強制終了します。' },
  workerRunning: { en: (id: string) => `Job worker ${id} is running. Ctrl+C to stop.`, ja: (id: string) => `ジョブワーカー ${id} を起動しました。停止は Ctrl+C。` },
  adminCreated: {
    en: (e: string, existed: boolean) => (existed ? `${e} is now an active admin with the new password.` : `Admin ${e} created.`),
    ja: (e: string, existed: boolean) => (existed ? `${e} を有効な管理者にし、パスワードを更新しました。` : `管理者 ${e} を作成しました。`),
  },
  tokenCreated: {
    en: 'API token created. Copy it now: it is shown only once.',
    ja: 'API トークンを作成しました。今すぐコピーしてください（表示は今回だけです）。',
  },
  seeded: {
    en: (t: number, c: number, a: number) => `Demo data loaded: ${t} tickets, ${c} customers, ${a} agents.`,
    ja: (t: number, c: number, a: number) => `デモデータを読み込みました: チケット ${t} 件、顧客 ${c} 名、担当者 ${a} 名。`,
  },
  seedSkipped: { en: 'The account already has tickets: demo data not loaded.', ja: 'アカウントに既にチケットがあるため、デモデータは読み込みませんでした。' },
} as const
