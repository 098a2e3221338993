import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "graphql";
import { devEnvDefaults, signDevToken } from "../src/auth/dev-token";

const DEV_JWT_SECRET = devEnvDefaults().JWT_SECRET!;
import { composeSupergraph } from "../src/compose/compose-supergraph";
import { echoSdl, startEchoSubgraph, type EchoSubgraph } from "./support/echo-subgraph";
import { INTERNAL_SECRET } from "./support/test-stack";

// The compiled entry point as production runs it: `node dist/main.js`, built here into .local/ (git-ignored).
const gatewayDir = join(__dirname, "..");
const outDir = join(gatewayDir, ".local", "test-dist");
const main = join(outDir, "main.js");

let subgraph: EchoSubgraph;
let supergraphPath: string;

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json", "--outDir", outDir],
    {
      cwd: gatewayDir,
    },
  );
  subgraph = await startEchoSubgraph(INTERNAL_SECRET);
  const composed = composeSupergraph([{ name: "echo", url: subgraph.url, typeDefs: parse(echoSdl) }]);
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  supergraphPath = join(mkdtempSync(join(tmpdir(), "gateway-process-")), "supergraph.graphql");
  writeFileSync(supergraphPath, composed.supergraphSdl);
}, 60000);
afterAll(() => subgraph?.stop());

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function run(env: Record<string, string>): {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
} {
  let output = "";
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? "", ...env } });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForReady(base: string) {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("gateway never became ready");
}

describe("the gateway process", () => {
  test("a bad environment stops it with status 1, listing every problem", async () => {
    const { exited, output } = run({ PORT: "eighty", INTERNAL_SECRET: "short", NODE_ENV: "production" });
    expect(await exited).toBe(1);
    for (const name of ["PORT", "INTERNAL_SECRET", "JWT_MODE", "JWT_SECRET"])
      expect(output()).toContain(`  - ${name}: `);
  });

  test("SIGTERM lets an in-flight query finish, then exits 0", async () => {
    const port = await freePort();
    const { child, exited, output } = run({
      PORT: String(port),
      INTERNAL_SECRET,
      JWT_SECRET: DEV_JWT_SECRET,
      SUPERGRAPH_PATH: supergraphPath,
      LOG_LEVEL: "info",
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForReady(base);
    const token = await signDevToken(
      { sub: "u", roles: ["INSPECTOR"], org: "city" },
      { secret: DEV_JWT_SECRET, issuer: "grassroots-dev", audience: "grassroots", ttlSeconds: 60 },
    );
    const inFlight = fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ slow(ms: 800) }" }),
    }).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGTERM");
    expect(await inFlight).toEqual({ data: { slow: "done" } });
    expect(await exited).toBe(0);
    expect(output()).toMatch(/"step":"http","msg":"stopped"/);
  });

  test("without a supergraph file it refuses to start and says how to make one", async () => {
    const { exited, output } = run({
      PORT: String(await freePort()),
      INTERNAL_SECRET,
      JWT_SECRET: DEV_JWT_SECRET,
      SUPERGRAPH_PATH: join(tmpdir(), "no-such-supergraph.graphql"),
    });
    expect(await exited).toBe(1);
    expect(output()).toMatch(/pnpm --filter @grassroots\/gateway compose/);
  });
});
