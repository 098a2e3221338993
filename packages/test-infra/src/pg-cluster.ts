import { execFile, execFileSync } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./ports";

const exec = promisify(execFile);

/** A PostgreSQL server and an admin login on it (may create databases and roles). */
export interface PgServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

/**
 * A PostgreSQL cluster of one test's own (initdb into a temp dir, on a free port): a test may stop,
 * crash and start it, or start it empty, without touching the shared cluster other tests use.
 */
export interface PrivateCluster extends PgServer {
  dataDir: string;
  /** `postgres://user:password@host:port/<database>` as the admin. */
  adminUrl(database?: string): string;
  /** pg_ctl stop: "fast" ends sessions cleanly, "immediate" is a crash (recovery at the next start). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops it (immediate) and removes its files. */
  destroy(): Promise<void>;
}

const ADMIN = "grassroots_admin";
const ADMIN_PASSWORD = "grassroots_admin";

/** The newest installed server's bin directory (Debian: /usr/lib/postgresql/<major>/bin). */
export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length) throw new Error(`no PostgreSQL server under ${root} (run infra/postgres.sh install)`);
  return join(root, majors[0], "bin");
}

// PostgreSQL refuses to run as root: as root, its tools run as the `postgres` OS user.
const asRoot = process.getuid?.() === 0;
async function pgTool(tool: string, args: string[], timeoutMs = 90_000): Promise<string> {
  const bin = join(postgresBinDir(), tool);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  try {
    const { stdout } = await exec(cmd, argv, { timeout: timeoutMs, cwd: tmpdir() });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(" ")} failed: ${e.stderr || e.message}`);
  }
}

/** initdb + start on a free port on 127.0.0.1, password (SCRAM) login for the admin, superuser. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const dir = mkdtempSync(join(tmpdir(), "grassroots-pg-"));
  const dataDir = join(dir, "data");
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, `${ADMIN_PASSWORD}\n`);
  if (asRoot) {
    const uid = Number((await exec("id", ["-u", "postgres"])).stdout.trim());
    const gid = Number((await exec("id", ["-g", "postgres"])).stdout.trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  await pgTool("initdb", [
    "-D",
    dataDir,
    "-U",
    ADMIN,
    `--pwfile=${pwfile}`,
    "--auth=scram-sha-256",
    "-E",
    "UTF8",
    "--no-locale",
    "--no-sync",
  ]);
  // Throwaway data: durability traded for speed, as in the shared dev cluster.
  const settings = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    "max_connections = 100",
    "shared_buffers = 32MB",
    "fsync = off",
    // on, unlike the shared cluster: a test that crashes this server (stop immediate) checks that no
    // acknowledged commit is lost, which only holds when a commit waits for its WAL to be written
    "synchronous_commit = on",
    "full_page_writes = off",
    "log_min_messages = warning",
  ];
  // Appending keeps the file postgres' own (root may write it).
  appendFileSync(join(dataDir, "postgresql.conf"), settings.join("\n") + "\n");
  const log = join(dir, "postgres.log");
  let up = false;
  const cluster: PrivateCluster = {
    host: "127.0.0.1",
    port,
    user: ADMIN,
    password: ADMIN_PASSWORD,
    dataDir,
    adminUrl: (database = "postgres") =>
      `postgres://${ADMIN}:${ADMIN_PASSWORD}@127.0.0.1:${port}/${database}`,
    start: async () => {
      await pgTool("pg_ctl", ["-D", dataDir, "-l", log, "-w", "-t", "60", "start"]);
      up = true;
    },
    stop: async (mode = "fast") => {
      await pgTool("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
      up = false;
    },
    destroy: async () => {
      process.off("exit", leftBehind);
      if (up) await cluster.stop("immediate").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // A test process that dies before its afterAll (an uncaught error) leaves no server running.
  const leftBehind = () => {
    if (!up) return;
    const bin = join(postgresBinDir(), "pg_ctl");
    const argv = ["-D", dataDir, "-m", "immediate", "-w", "stop"];
    try {
      execFileSync(asRoot ? "runuser" : bin, asRoot ? ["-u", "postgres", "--", bin, ...argv] : argv, {
        stdio: "ignore",
        timeout: 10_000,
      });
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // nothing more can be done while the process exits
    }
  };
  process.on("exit", leftBehind);
  try {
    await cluster.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}
