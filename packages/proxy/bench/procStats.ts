import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Resident memory of a process in MiB (VmRSS in /proc/<pid>/status); undefined once it is gone. */
export function rssMiB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Established TCP connections whose remote end is 127.0.0.1:<port>, owned by `pid`
 * (its /proc/<pid>/net/tcp view is the whole namespace, so sockets are matched by inode).
 */
export function connectionsTo(pid: number, port: number): number {
  const inodes = socketInodes(pid);
  let rows: string[];
  try {
    rows = readFileSync(`/proc/${pid}/net/tcp`, 'utf8').split('\n').slice(1);
  } catch {
    return 0;
  }
  const remote = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return rows.filter((row) => {
    const cols = row.trim().split(/\s+/);
    // cols: sl, local, remote, state (01 = ESTABLISHED), ..., inode at index 9.
    return cols[2] === remote && cols[3] === '01' && inodes.has(cols[9] ?? '');
  }).length;
}

function socketInodes(pid: number): Set<string> {
  const out = new Set<string>();
  try {
    for (const link of readdirLinks(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m?.[1]) out.add(m[1]);
    }
  } catch {
    // The process is gone: no sockets.
  }
  return out;
}

function readdirLinks(dir: string): string[] {
  return readdirSync(dir).map((fd) => {
    try {
      return readlinkSync(`${dir}/${fd}`);
    } catch {
      return '';
    }
  });
}

/** CPU time (user + system) a process has used so far, in ms (clock ticks at 100 Hz). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

export interface Sampler {
  /** Stops sampling; the largest value seen (undefined if none). */
  stop(): number | undefined;
}

/** Samples `read()` every `everyMs` until stopped (bounded by the run that owns it). */
export function sampleMax(read: () => number | undefined, everyMs = 200): Sampler {
  let max: number | undefined;
  const take = () => {
    const v = read();
    if (v !== undefined && (max === undefined || v > max)) max = v;
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return max;
    },
  };
}
