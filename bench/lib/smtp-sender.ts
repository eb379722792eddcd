/**
 * Child process that sends the SMTP benchmark's mail (nodemailer, pooled
 * connections), so the client's CPU is not billed to the server under test — as
 * the HTTP benchmarks use a separate load generator. argv[2]: JSON SenderSpec.
 * Protocol: the child builds every message, says `ready`; on `go` it sends them all
 * and answers `{ sent, cpuMs }` with its own CPU time for the sending.
 */
import net from 'node:net'
import nodemailer from 'nodemailer'
import { sampleMail } from './sample-mail.ts'

export interface SenderSpec {
  port: number
  messages: number
  run: string
  connections: number
}

const spec = JSON.parse(process.argv[2]!) as SenderSpec
const mails = Array.from({ length: spec.messages }, (_v, i) => sampleMail(i, spec.run))
/**
 * nodemailer leaves Nagle's algorithm on: the small last write of each message (the
 * end-of-data dot) then waits for the server's delayed ACK, 40 ms on Linux — 20 msgs/s
 * on one connection, whatever the server does (158/s with this). Mail servers flush a
 * message in one go; the load generator should not add 40 ms either (BENCH_SMTP_NAGLE=1 keeps it).
 */
const noDelaySocket = (_options: unknown, callback: (error: Error | null, socket?: { connection: net.Socket }) => void) => {
  const socket = net.connect(spec.port, '127.0.0.1', () => callback(null, { connection: socket }))
  socket.setNoDelay(true)
  socket.once('error', (error) => callback(error))
}
const mailer = nodemailer.createTransport({
  host: '127.0.0.1', port: spec.port, secure: false, ignoreTLS: true, pool: true, maxConnections: spec.connections, maxMessages: Infinity,
  ...(process.env.BENCH_SMTP_NAGLE === '1' ? {} : { getSocket: noDelaySocket }),
})

process.once('message', () => {
  const cpu = process.cpuUsage()
  Promise.all(mails.map((raw) => mailer.sendMail({ envelope: { from: 'customer@example.jp', to: ['support@shop.example'] }, raw }))).then(
    () => {
      const used = process.cpuUsage(cpu)
      mailer.close()
      process.send?.({ sent: mails.length, cpuMs: (used.user + used.system) / 1000 }, () => process.exit(0))
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
})
process.send?.('ready')
