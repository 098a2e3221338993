import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Client } from "pg";

/**
 * CPU time each process of the suite spent during a load (utime + stime from /proc), so a latency
 * figure can be explained: the gateway, each subgraph, PostgreSQL's backends of the suite's databases,
 * the load generator itself, and what the rest of the machine used meanwhile.
 */

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + (line[4] ?? 0);
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
}

/** The pid listening on a local port (ss), or null. */
export function pidOfPort(port: number): number | null {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const m = /pid=(\d+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export interface CpuResult {
  seconds: number;
  /** CPU milliseconds used by each process group during the window. */
  cpuMs: Record<string, number>;
  /** Of the whole machine (all cores) during the window. */
  machineBusyMs: number;
  /** Machine CPU used by processes outside the suite and this benchmark (other work on the machine). */
  otherMs: number;
  cores: number;
}

export class CpuSampler {
  private start: Record<string, number> = {};
  private startedAt = 0;
  private machineStart = { busy: 0, total: 0 };
  private backendFirst = new Map<number, number>();
  private backendLast = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private selfStart = process.cpuUsage();

  constructor(
    private readonly processes: Record<string, number>,
    private readonly admin: Client,
    private readonly databases: string[],
  ) {}

  private async backends(): Promise<number[]> {
    const { rows } = await this.admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)`, [
      this.databases,
    ]);
    return rows.map((r: { pid: number }) => r.pid);
  }

  private async sampleBackends(initial: boolean): Promise<void> {
    for (const pid of await this.backends()) {
      const ms = processCpuMs(pid);
      if (ms === null) continue;
      if (!this.backendFirst.has(pid)) this.backendFirst.set(pid, initial ? ms : 0);
      this.backendLast.set(pid, ms);
    }
  }

  async begin(): Promise<void> {
    this.start = {};
    for (const [name, pid] of Object.entries(this.processes)) this.start[name] = processCpuMs(pid) ?? 0;
    this.backendFirst.clear();
    this.backendLast.clear();
    await this.sampleBackends(true);
    this.machineStart = machineCpuMs();
    this.selfStart = process.cpuUsage();
    this.startedAt = Date.now();
    const tick = () => {
      this.timer = setTimeout(
        () =>
          void this.sampleBackends(false)
            .catch(() => undefined)
            .finally(tick),
        1000,
      );
      this.timer.unref();
    };
    tick();
  }

  async end(): Promise<CpuResult> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sampleBackends(false);
    const cpuMs: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.processes))
      cpuMs[name] = Math.max(0, (processCpuMs(pid) ?? 0) - this.start[name]);
    let postgres = 0;
    for (const [pid, last] of this.backendLast)
      postgres += Math.max(0, last - (this.backendFirst.get(pid) ?? 0));
    cpuMs.postgres = postgres;
    const self = process.cpuUsage(this.selfStart);
    cpuMs["load generator"] = Math.round((self.user + self.system) / 1000);
    const machine = machineCpuMs();
    const machineBusyMs = machine.busy - this.machineStart.busy;
    const ours = Object.values(cpuMs).reduce((a, b) => a + b, 0);
    return {
      seconds: Math.round((Date.now() - this.startedAt) / 100) / 10,
      cpuMs,
      machineBusyMs,
      otherMs: Math.max(0, machineBusyMs - ours),
      cores: Math.round((machine.total - this.machineStart.total) / Math.max(1, Date.now() - this.startedAt)),
    };
  }
}
