import { execFileSync } from "node:child_process";
import { INTERNAL_SECRET, startTestStack, type TestStack } from "./support/test-stack";

const withSecret = { headers: { authorization: `Bearer ${INTERNAL_SECRET}` } };

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe("health and metrics", () => {
  test("/health/live answers 200", async () => {
    const res = await fetch(`${stack.base}/health/live`);
    expect(res.status).toBe(200);
  });

  test("/health/ready is 200 once the supergraph is loaded", async () => {
    const res = await fetch(`${stack.base}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
  });

  test("/metrics has the kit's metrics and the gateway's operation and subgraph histograms", async () => {
    await stack.post("{ units { id } }", { token: await stack.token() });
    const text = await (await fetch(`${stack.base}/metrics`, withSecret)).text();
    expect(text).toMatch(/^process_cpu_user_seconds_total/m);
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{route="\/graphql",method="POST",status="200"\} \d+/m,
    );
    expect(text).toMatch(
      /^gateway_operation_duration_seconds_count\{operation="other",type="query",outcome="ok"\} \d+/m,
    );
    expect(text).toMatch(
      /^gateway_subgraph_request_duration_seconds_count\{subgraph="echo",status="200"\} \d+/m,
    );
  });

  test("#10.9: /metrics on the public port is refused without the internal secret (header or bearer)", async () => {
    const bare = await fetch(`${stack.base}/metrics`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).not.toMatch(/process_cpu|gateway_/);
    const wrong = await fetch(`${stack.base}/metrics`, {
      headers: { authorization: "Bearer not-the-secret-000000" },
    });
    expect(wrong.status).toBe(401);
    const header = await fetch(`${stack.base}/metrics`, {
      headers: { "x-grassroots-internal-secret": INTERNAL_SECRET },
    });
    expect(header.status).toBe(200);
  });

  test("#10.9: the gateway listens on loopback only unless HOST says otherwise", async () => {
    const port = new URL(stack.base).port;
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    const sockets = execFileSync("ss", ["-Hltn"], { encoding: "utf8" })
      .split("\n")
      .map((l) => l.trim().split(/\s+/)[3])
      .filter((a): a is string => !!a && a.endsWith(`:${port}`));
    expect(sockets).toEqual([`127.0.0.1:${port}`]);
  });

  test("unknown paths are 404 and share one metrics label", async () => {
    expect((await fetch(`${stack.base}/no/such/${Date.now()}`)).status).toBe(404);
    const text = await (await fetch(`${stack.base}/metrics`, withSecret)).text();
    expect(text).toMatch(/route="other"/);
    expect(text).not.toMatch(/route="\/no\/such/);
  });

  test("/health/ready is 503 while draining", async () => {
    stack.gateway.setDraining();
    const res = await fetch(`${stack.base}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "draining" });
  });
});

describe("subgraph time limit", () => {
  test("a subgraph slower than SUBGRAPH_TIMEOUT_MS fails the request instead of holding it", async () => {
    const slow = await startTestStack({ SUBGRAPH_TIMEOUT_MS: "200" });
    try {
      const started = Date.now();
      const res = await slow.post("{ slow(ms: 2000) }", { token: await slow.token() });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(res.body.errors?.[0]).toMatchObject({
        path: ["slow"],
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
      expect(res.body.errors?.[0].message).toMatch(/service did not answer in time/);
    } finally {
      await slow.stop();
    }
  });
});
