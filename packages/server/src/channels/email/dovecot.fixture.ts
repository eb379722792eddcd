import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface TestImapServer {
  port: number
  user: string
  password: string
  /** Drops a raw message into the user's INBOX (maildir `new/`), as a delivery would. */
  deliver(raw: Buffer): void
  stop(): Promise<void>
}

/** Where Debian installs it (`apt-get install dovecot-imapd`, done by .ci/run). */
export const DOVECOT_BIN = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => fs.existsSync(p)) ?? null

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > until) throw new Error(`dovecot did not listen on ${port}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * A real dovecot on a random localhost port with its own temporary configuration:
 * one user with a plaintext password (fine on localhost), mail in a maildir.
 */
export async function startDovecot(): Promise<TestImapServer> {
  if (!DOVECOT_BIN) throw new Error('dovecot is not installed')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'madoguchi-dovecot-'))
  const port = await freePort()
  const user = 'support'
  const password = 'imap-test-password'
  const home = path.join(dir, 'home', user)
  for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(home, 'Maildir', sub), { recursive: true })
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`)
  const { uid, gid } = os.userInfo()
  // Dovecot will not serve mail as root; as root, the maildir belongs to `nobody`.
  const mailUid = uid === 0 ? 65534 : uid
  const mailGid = uid === 0 ? 65534 : gid
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), [
    `base_dir = ${dir}/run`, `state_dir = ${dir}/state`, `log_path = ${dir}/dovecot.log`,
    'protocols = imap', 'listen = 127.0.0.1', 'ssl = no', 'disable_plaintext_auth = no', 'auth_mechanisms = plain login',
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/passwd\n}`,
    `userdb {\n  driver = static\n  args = uid=${mailUid} gid=${mailGid} home=${dir}/home/%u\n}`,
    'mail_location = maildir:~/Maildir', 'first_valid_uid = 1', 'first_valid_gid = 1',
    ...(uid === 0 ? [] : [`default_internal_user = ${os.userInfo().username}`, `default_login_user = ${os.userInfo().username}`, `default_internal_group = ${os.userInfo().username}`]),
    '',
  ].join('\n'))
  // The auth and mail processes run as dovecot's own users: they must be able to enter the folder.
  fs.chmodSync(dir, 0o755)
  fs.chmodSync(path.join(dir, 'passwd'), 0o644)
  const chownTree = (p: string) => {
    if (uid !== 0) return
    fs.chownSync(p, mailUid, mailGid)
    if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chownTree(path.join(p, e))
  }
  chownTree(path.join(dir, 'home'))
  const child = spawn(DOVECOT_BIN, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' })
  await waitForPort(port, 10_000)
  let n = 0

  return {
    port, user, password,
    deliver(raw) {
      const file = path.join(home, 'Maildir', 'new', `${Date.now()}.${process.pid}_${n++}.madoguchi`)
      fs.writeFileSync(file, raw)
      chownTree(file)
    },
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
