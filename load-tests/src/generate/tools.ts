import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describeProgress, progress } from "./progress";

export const ROOT = resolve(__dirname, "../../..");

export interface ToolRun {
  tool: string;
  exitCode: number | null;
  /** Stopped at the deadline (a bounded run of a large scale). */
  timedOut: boolean;
  elapsedMs: number;
  /** The last `{done, total}` the tool logged. */
  done: number;
  total: number;
  /** What the tool printed that is not a JSON log line (its report). */
  output: string;
  /** Errors it logged (a fatal one ends the tool). */
  errors: string[];
}

export function toolExists(service: string, tool: string): boolean {
  return existsSync(resolve(ROOT, "services", service, "dist/cli", `${tool}.js`));
}

/**
 * Runs a service's own command-line tool (seed, import-divisions) against a database, as an operator
 * would, showing its progress; stopped with SIGTERM at the deadline (then SIGKILL after 10 s).
 */
export function runServiceTool(
  service: string,
  tool: string,
  args: string[],
  env: Record<string, string>,
  deadlineMs: number,
): Promise<ToolRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [`dist/cli/${tool}.js`, ...args], {
    cwd: resolve(ROOT, "services", service),
    env: { ...process.env, NODE_ENV: "development", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: ToolRun = {
    tool: `${service} ${tool}`,
    exitCode: null,
    timedOut: false,
    elapsedMs: 0,
    done: 0,
    total: 0,
    output: "",
    errors: [],
  };
  let lastShown = 0;
  let buffered = "";
  const onLine = (line: string) => {
    if (!line.trim()) return;
    if (!line.startsWith("{")) {
      run.output += `${line}\n`;
      return;
    }
    try {
      const entry = JSON.parse(line) as {
        done?: number;
        total?: number;
        msg?: string;
        level?: number;
        err?: { message?: string };
      };
      if ((entry.level ?? 0) >= 50)
        run.errors.push(`${entry.msg ?? ""}: ${entry.err?.message ?? ""}`.slice(0, 1000));
      if (typeof entry.done === "number" && typeof entry.total === "number") {
        run.done = entry.done;
        run.total = entry.total;
        if (Date.now() - lastShown > 3000 || entry.done === entry.total) {
          lastShown = Date.now();
          progress(`${run.tool}: ${describeProgress(entry.done, entry.total, started)}`);
        }
      } else if ((entry.level ?? 0) >= 40 || Date.now() - lastShown > 10000) {
        lastShown = Date.now();
        progress(`${run.tool}: ${entry.msg ?? line.slice(0, 160)}`);
      }
    } catch {
      run.output += `${line}\n`;
    }
  };
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    lines.forEach(onLine);
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  const remaining = Math.max(0, deadlineMs - Date.now());
  const timer = setTimeout(() => {
    run.timedOut = true;
    progress(`${run.tool}: time is up, stopping it`);
    child.kill("SIGTERM");
    setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 10000).unref();
  }, remaining);
  return new Promise((done, fail) => {
    child.once("error", fail);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (buffered) onLine(buffered);
      run.exitCode = code;
      run.elapsedMs = Date.now() - started;
      if (code !== 0 && !run.timedOut) {
        run.errors.push(`exited with ${code}${errors ? `: ${errors.slice(-1000)}` : ""}`);
        progress(`${run.tool} FAILED: ${run.errors.join("; ")}`);
      }
      done(run);
    });
  });
}
