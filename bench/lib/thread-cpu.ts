import fs from 'node:fs'

/**
 * CPU time (ms) of this process's main thread alone, from /proc (Linux; null
 * elsewhere). process.cpuUsage() counts every thread — parse workers, GC helpers,
 * libuv — while the main thread is what limits messages per second on SQLite.
 * Node 20 has no process.threadCpuUsage(). Resolution: one clock tick (10 ms).
 */
export function mainThreadCpuMs(): number | null {
  try {
    return procStatCpuMs(`/proc/self/task/${process.pid}/stat`)
  } catch {
    return null
  }
}

/** User + system CPU (ms) of the process or thread whose proc(5) `stat` file this is (Linux). */
export function procStatCpuMs(statPath: string): number {
  const stat = fs.readFileSync(statPath, 'utf8')
  // After the command name (which may hold spaces), fields 14 and 15 of proc(5): utime, stime,
  // in clock ticks of 1/100 s (getconf CLK_TCK).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')

  return (Number(fields[11]) + Number(fields[12])) * 10
}
