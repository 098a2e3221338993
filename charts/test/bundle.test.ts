import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, testEnv, testKafka, uniqueName, type TestDatabase } from "@grassroots/testing";
import { CHART, ROOT } from "./helm";

// What an image holds, checked without a container engine: infra/bundle.sh (the script the
// Dockerfile runs) builds the pruned bundle of a service here, and the bundle is started the way
// the image starts it, `node dist/main.js` in the bundle's directory, with nothing from the
// workspace on its path. The organization bundle also runs the chart's two hook commands.

// Every bundle is made with an empty pnpm cache (XDG_CACHE_HOME: pnpm's package metadata lives
// there), the way a new machine or an image build sees it: a bundle that only works from a warm
// cache failed on a new machine once (#10.0, ERR_PNPM_NO_OFFLINE_META under `deploy --offline`).
function bundle(name: string): string {
  const emptyCache = mkdtempSync(join(tmpdir(), "bundle-cache-"));
  try {
    const out = execFileSync("bash", [join(ROOT, "infra/bundle.sh"), name], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 600_000,
      env: { ...process.env, XDG_CACHE_HOME: emptyCache },
    });
    return out.trim().split("\n").pop()!;
  } finally {
    rmSync(emptyCache, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
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
const isolated = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? "/usr/bin:/bin", ...env });

interface Running {
  child: ChildProcess;
  output: () => string;
}

function start(dir: string, env: Record<string, string>): Running {
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

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

async function waitUntil(running: Running, url: string, timeoutMs = 60_000): Promise<void> {
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

/** SIGTERM, as the kubelet sends it: the process drains and exits 0 by itself. */
async function terminate(running: Running): Promise<number | null> {
  if (running.child.exitCode !== null) return running.child.exitCode;
  const exited = new Promise<number | null>((done) => running.child.once("exit", (code) => done(code)));
  running.child.kill("SIGTERM");
  return exited;
}

function expectProductionOnly(dir: string) {
  expect(existsSync(join(dir, "dist/main.js"))).toBe(true);
  expect(existsSync(join(dir, "package.json"))).toBe(true);
  for (const dev of ["src", "test", "tsconfig.json", "jest.config.js", ".turbo"])
    expect([dev, existsSync(join(dir, dev))]).toEqual([dev, false]);
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

describe("#10.0 organization bundle from an empty pnpm cache (infra/bundle.sh organization)", () => {
  let dir: string;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dir = bundle("organization");
    database = await createTestDatabase("bundle_organization");
  }, 600_000);

  afterAll(async () => {
    await database?.drop();
  });

  it("holds the compiled service and its production dependencies only", () => {
    expect(dir).toBe(join(ROOT, ".local/bundles/organization"));
    expectProductionOnly(dir);
  });

  it("runs the migration hook's command, then starts and answers /health/live and /health/ready; SIGTERM drains and exits 0", async () => {
    // the chart's migration Job: `node dist/db/migrate.js` with NODE_ENV and DATABASE_URL
    execFileSync(process.execPath, ["dist/db/migrate.js"], {
      cwd: dir,
      env: isolated({ NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: database!.url }),
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 60_000,
    });
    const port = await freePort();
    const running = start(dir, {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(port),
      DATABASE_URL: database!.url,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
      INTERNAL_SECRET: "bundle-test-internal-secret-0123",
      SHUTDOWN_TIMEOUT_MS: "5000",
    });
    try {
      await waitUntil(running, `http://127.0.0.1:${port}/health/live`);
      expect(await get(`http://127.0.0.1:${port}/health/live`)).toEqual({
        status: 200,
        body: '{"status":"live"}',
      });
      await waitUntil(running, `http://127.0.0.1:${port}/health/ready`);
      // subgraphs refuse anything without the internal secret
      const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(graphql.status).toBeGreaterThanOrEqual(400);
    } finally {
      expect(await terminate(running)).toBe(0);
    }
  }, 120_000);

  it("runs the topics hook's command from the path the chart uses", async () => {
    const prefix = `${uniqueName("bundle").toLowerCase()}.`;
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const output = execFileSync(
        process.execPath,
        ["node_modules/@grassroots/events/dist/cli/provision-topics.js"],
        {
          cwd: dir,
          env: isolated({
            KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
            KAFKA_TOPIC_PREFIX: prefix,
            TOPIC_PARTITIONS: "1",
            TOPIC_REPLICATION_FACTOR: "1",
          }),
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
          timeout: 60_000,
        },
      );
      expect(output).toBe("");
      const created = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      expect(created).toContain(`${prefix}grassroots.organization.org-unit.v1`);
      expect(created).toContain(`${prefix}grassroots.organization.org-unit.v1.dlq`);
    } finally {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (topics.length) await admin.deleteTopics({ topics });
      await admin.disconnect();
    }
  }, 120_000);
});

describe("#10.0 gateway bundle from an empty pnpm cache (infra/bundle.sh gateway)", () => {
  let dir: string;

  beforeAll(() => {
    dir = bundle("gateway");
  }, 600_000);

  it("holds the compiled gateway and its production dependencies only", () => {
    expect(dir).toBe(join(ROOT, ".local/bundles/gateway"));
    expectProductionOnly(dir);
    expect(existsSync(join(dir, "ide/index.html"))).toBe(true);
  });

  it("starts as the chart runs it (supergraph from a file, JWKS mode) and answers /health/live, /health/ready and the IDE", async () => {
    const port = await freePort();
    const running = start(dir, {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(port),
      INTERNAL_SECRET: "bundle-test-internal-secret-0123",
      JWT_MODE: "jwks",
      // fetched on the first token only; none is sent here
      JWKS_URL: "http://127.0.0.1:9/jwks.json",
      SUPERGRAPH_MODE: "file",
      SUPERGRAPH_PATH: join(CHART, "files/supergraph.graphql"),
      ORGANIZATION_URL: "http://127.0.0.1:9/graphql",
      SHUTDOWN_TIMEOUT_MS: "5000",
    });
    try {
      await waitUntil(running, `http://127.0.0.1:${port}/health/live`);
      expect(await get(`http://127.0.0.1:${port}/health/live`)).toEqual({
        status: 200,
        body: '{"status":"live"}',
      });
      await waitUntil(running, `http://127.0.0.1:${port}/health/ready`);
      expect((await get(`http://127.0.0.1:${port}/ide/assets/graphiql.min.js`)).status).toBe(200);
      const anonymous = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(JSON.stringify(await anonymous.json())).toContain("UNAUTHENTICATED");
    } finally {
      expect(await terminate(running)).toBe(0);
    }
  }, 120_000);
});

describe("the Dockerfile (infra/docker/Dockerfile; no container engine here, so read, not built)", () => {
  const dockerfile = () => readFileSync(join(ROOT, "infra/docker/Dockerfile"), "utf8");

  it("builds the same bundle in a node:20-slim build stage and ships only it, as a non-root user, with node as PID 1", () => {
    const text = dockerfile();
    expect(text).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^\$\{NODE_IMAGE\} AS build/);
    expect(stages[0]).toContain('bash infra/bundle.sh "$SERVICE" /bundle');
    expect(stages[0]).toContain("pnpm install --offline --frozen-lockfile");
    const runtime = stages[1];
    expect(runtime).toMatch(/^\$\{NODE_IMAGE\}\n/);
    expect(runtime).toContain("COPY --from=build --chown=root:root /bundle /app");
    expect(runtime).toMatch(/^USER 1000:1000$/m);
    expect(runtime).not.toMatch(/^(RUN|COPY \.|ADD)/m);
    expect(runtime.trim().split("\n").pop()).toBe('CMD ["node", "dist/main.js"]');
    // no secret is passed in as a build argument or baked in as an environment variable
    for (const line of text.split("\n").filter((l) => /^(ARG|ENV)\s/.test(l)))
      expect(line).not.toMatch(/SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL/i);
  });

  it("gets a build context without local state, dependencies, builds or keys", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const entry of [
      ".git",
      "**/node_modules",
      "**/dist",
      ".local",
      ".env",
      ".env.*",
      "**/*.pem",
      "**/*.key",
    ])
      expect(ignored).toContain(entry);
  });

  it("the chart runs the images as the user the Dockerfile sets", () => {
    const helpers = readFileSync(join(CHART, "templates/_helpers.tpl"), "utf8");
    expect(helpers).toContain("runAsUser: 1000");
    expect(helpers).toContain("runAsGroup: 1000");
  });
});
