import { execFile } from "node:child_process";
import { statSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

// infra/backup.sh and infra/restore.sh as an operator runs them, timed, with what they printed.

const ROOT = resolve(__dirname, "../../../..");
const exec = promisify(execFile);

export interface CommandRun {
  code: number;
  output: string;
  ms: number;
}

export async function infraCommand(
  script: "backup.sh" | "restore.sh",
  args: string[],
  env: Record<string, string>,
): Promise<CommandRun> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await exec("bash", [join(ROOT, "infra", script), ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, output: stdout + stderr, ms: Date.now() - started };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}`, ms: Date.now() - started };
  }
}

/** Bytes of every file in a backup directory. */
export const backupBytes = (dir: string) =>
  readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

/** The run, or an error carrying what the command printed. */
export function succeeded(run: CommandRun): CommandRun {
  if (run.code !== 0) throw new Error(`exit ${run.code}:\n${run.output}`);
  return run;
}
