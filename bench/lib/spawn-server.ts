import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerSpec } from './server-process.ts'

export interface ServerHandle {
  url: string
  /** CPU time (user + system, µs) the server process has used so far. */
  cpuMicros(): Promise<number>
  stop(): Promise<void>
}

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-process.ts')

/** Starts a benchmark server in its own process and waits until it listens. */
export function spawnServer(spec: ServerSpec): Promise<ServerHandle> {
  // BENCH_PROFILE=dir writes a CPU profile of each server process there (node --cpu-prof).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
  const child = fork(ENTRY, [JSON.stringify(spec)], { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })

  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)))
    child.once('message', (message) => {
      const { port } = message as { port: number }
      child.removeAllListeners('exit')
      resolve({
        url: `http://127.0.0.1:${port}`,
        cpuMicros: () =>
          new Promise((done) => {
            const onMessage = (reply: unknown) => {
              const cpu = (reply as { cpu?: NodeJS.CpuUsage }).cpu
              if (!cpu) return
              child.off('message', onMessage)
              done(cpu.user + cpu.system)
            }
            child.on('message', onMessage)
            child.send('cpu')
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}
