import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./helm";

// What the bundle tests need to build a bundle, run it the way its image runs it, and check what it
// holds. The chart's side (which env, which hook commands) is in chart-env.ts.

/**
 * Builds a bundle with the given pnpm cache (XDG_CACHE_HOME: pnpm's package metadata lives there),
 * empty for the file's first bundle, the way a new machine or an image build sees it: a bundle that
 * only worked from a warm cache failed on a new machine once (#10.0, ERR_PNPM_NO_OFFLINE_META under
 * `deploy --offline`).
 */
export function bundle(name: string, cache: string): string {
  const out = execFileSync("bash", [join(ROOT, "infra/bundle.sh"), name], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 600_000,
    env: { ...process.env, XDG_CACHE_HOME: cache },
  });
  return out.trim().split("\n").pop()!;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Only what a container would have: no NODE_PATH, no workspace, just the given environment. */
export const isolated = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  ...env,
});

/** A container's command (`node ...`), run to completion in the bundle, as a hook Job runs it. */
export function runCommand(
  dir: string,
  command: string[],
  env: Record<string, string>,
): { stdout: string; stderr: string } {
  expect(command[0]).toBe("node");
  const run = spawnSync(process.execPath, command.slice(1), {
    cwd: dir,
    env: isolated(env),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${command.join(" ")} exited with ${run.status}:\n${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

export interface Running {
  child: ChildProcess;
  output: () => string;
}

/** Starts the bundle as its image does: `node dist/main.js` in the bundle's directory. */
export function start(dir: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: dir,
    env: isolated(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

export async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

export async function waitUntil(running: Running, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null)
      throw new Error(`exited with ${running.child.exitCode}:\n${running.output()}`);
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms:\n${running.output()}`);
}

/** SIGTERM, as the kubelet sends it: the process drains and exits by itself; its code and how long it took. */
export async function terminate(running: Running): Promise<{ code: number | null; ms: number }> {
  if (running.child.exitCode !== null) return { code: running.child.exitCode, ms: 0 };
  const started = Date.now();
  const exited = new Promise<number | null>((done) => running.child.once("exit", (code) => done(code)));
  running.child.kill("SIGTERM");
  return { code: await exited, ms: Date.now() - started };
}

/**
 * The compiled service and its production dependencies: none of the package's devDependencies at
 * the bundle's top (one may still come in below as a production package's dependency), none of the
 * workspace's tools anywhere, and the copied workspace packages pruned to dist/.
 */
export function expectProductionOnly(dir: string, packageDir: string) {
  expect(existsSync(join(dir, "dist/main.js"))).toBe(true);
  expect(existsSync(join(dir, "package.json"))).toBe(true);
  for (const dev of ["src", "test", "tsconfig.json", "jest.config.js", ".turbo"])
    expect([dev, existsSync(join(dir, dev))]).toEqual([dev, false]);
  const { devDependencies = {} } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  for (const dev of Object.keys(devDependencies))
    expect([dev, existsSync(join(dir, "node_modules", dev))]).toEqual([dev, false]);
  const store = readdirSync(join(dir, "node_modules/.pnpm"));
  for (const dev of ["jest@", "typescript@", "@swc+core@", "eslint@", "@grassroots+testing"])
    expect(store.filter((entry) => entry.startsWith(dev))).toEqual([]);
  // copied workspace packages are pruned too
  for (const entry of store.filter((e) => e.startsWith("@grassroots+"))) {
    const name = entry.replace(/^@grassroots\+([^@]+)@.*$/, "$1");
    const pkg = join(dir, "node_modules/.pnpm", entry, "node_modules/@grassroots", name);
    expect([name, existsSync(join(pkg, "dist")), existsSync(join(pkg, "src"))]).toEqual([name, true, false]);
  }
}
