import fs from 'node:fs';

/**
 * Memory and CPU of another process, read from Linux's /proc (no dependency, no cooperation from the
 * process measured). VmRSS is the resident set now; VmHWM is the kernel's high-water mark of it since
 * the process started, so a peak between two samples is never missed. Elsewhere these return undefined.
 */
export interface MemorySample {
  readonly rssMb: number;
  readonly hwmMb: number;
}

export function readMemory(pid: number): MemorySample | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match?.[1] === undefined ? Number.NaN : Number(match[1]);
  };
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (USER_HZ, 100 on every Linux we run on). */
const USER_HZ = 100;

/** User + system CPU time the process has used so far, in milliseconds (10 ms resolution). */
export function readCpuMs(pid: number): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces) start at field 3 (state); utime is 14, stime 15.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / USER_HZ;
}

/** Samples VmRSS every `everyMs` and keeps the largest value seen (VmHWM remains the exact peak). */
export function startRssSampler(pid: number, everyMs = 200) {
  let maxRssMb = 0;
  const sample = () => {
    const m = readMemory(pid);
    if (m && m.rssMb > maxRssMb) maxRssMb = m.rssMb;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return maxRssMb;
    },
  };
}
