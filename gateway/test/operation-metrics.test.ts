import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manifestOf, manifestText } from "../src/trusted-documents/manifest";
import { INTERNAL_SECRET, startTestStack, type TestStack } from "./support/test-stack";

// #16: the gateway's latency and errors per operation, with a bounded operation label: a trusted
// document's name, else "other" (a client's made-up name never becomes a label).

const LISTED = {
  units: "query EchoUnits { units { id } }",
  badDay: 'query EchoBadDay { day(on: "2026-02-30") }',
};

let manifestFile: string;
const stacks: TestStack[] = [];

beforeAll(() => {
  manifestFile = join(mkdtempSync(join(tmpdir(), "gateway-metrics-")), "trusted-documents.json");
  writeFileSync(
    manifestFile,
    manifestText(manifestOf(Object.values(LISTED).map((body) => ({ body, clientName: "metrics-test" })))),
  );
});
afterAll(async () => {
  for (const stack of stacks) await stack.stop();
});

async function stack(env: Record<string, string>) {
  const started = await startTestStack({ TRUSTED_DOCUMENTS_FILE: manifestFile, ...env });
  stacks.push(started);
  return started;
}

async function scrape(s: TestStack): Promise<string> {
  const res = await fetch(`${s.base}/metrics`, { headers: { authorization: `Bearer ${INTERNAL_SECRET}` } });
  return res.text();
}

/** One sample's value in the scrape, 0 when absent. */
const value = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(" ").pop()) : 0;
};

describe("#16: per-operation latency and errors at the gateway", () => {
  it("#16: a listed operation is observed under its name; a made-up name under other, never as a label", async () => {
    const s = await stack({ TRUSTED_DOCUMENTS: "off" });
    const token = await s.token();
    const named = 'gateway_operation_duration_seconds_count{operation="EchoUnits",type="query",outcome="ok"}';
    const other = 'gateway_operation_duration_seconds_count{operation="other",type="query",outcome="ok"}';
    const before = await scrape(s);
    expect((await s.post(LISTED.units, { token })).body.data).toEqual({ units: expect.any(Array) });
    expect((await s.post("query MadeUpName4711 { units { id } }", { token })).body.errors).toBeUndefined();
    expect((await s.post("{ units { id } }", { token })).body.errors).toBeUndefined();
    const after = await scrape(s);
    expect(value(after, named) - value(before, named)).toBe(1);
    expect(value(after, other) - value(before, other)).toBe(2);
    expect(after).not.toContain("MadeUpName4711");
  });

  it("#16: errors are counted per operation and code; a refused untrusted document's code is counted under other", async () => {
    const s = await stack({ TRUSTED_DOCUMENTS: "enforce" });
    const token = await s.token();
    const badDay = 'gateway_operation_errors_total{operation="EchoBadDay",code="BAD_USER_INPUT"}';
    const refused = 'gateway_operation_errors_total{operation="other",code="PERSISTED_QUERY_NOT_ALLOWED"}';
    const failed =
      'gateway_operation_duration_seconds_count{operation="EchoBadDay",type="query",outcome="error"}';
    const before = await scrape(s);
    const bad = await s.post(LISTED.badDay, { token });
    expect(bad.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const notListed = await s.post("query NotListed0815 { units { id } }", { token });
    expect(notListed.body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect((await s.post(LISTED.units, { token })).body.errors).toBeUndefined();
    const after = await scrape(s);
    expect(value(after, badDay) - value(before, badDay)).toBe(1);
    expect(value(after, failed) - value(before, failed)).toBe(1);
    expect(value(after, refused) - value(before, refused)).toBe(1);
    expect(after).not.toContain("NotListed0815");
    // A successful operation counts no error.
    expect(after).not.toMatch(/^gateway_operation_errors_total\{operation="EchoUnits"/m);
  });
});
