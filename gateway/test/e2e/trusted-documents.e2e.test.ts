import { orgUnitIdForCode } from "@grassroots/kit";
import { startSuite, testEnv, type RunningSuite } from "@grassroots/testing";
import {
  readTrustedDocuments,
  defaultTrustedDocumentsPath,
  documentHash,
} from "../../src/trusted-documents/manifest";
import { tryQueries } from "../../src/try/try-queries";
import { DALATE, importOrdosDivisions } from "../support/ordos-suite";

// Issue 14, "trusted documents": the real gateway process with TRUSTED_DOCUMENTS=enforce and the
// committed list, in front of a real organization: what the known clients send answers, anything
// else is refused before a subgraph is asked.

let suite: RunningSuite;
let token: string;
let base: string;
const started = performance.now();

beforeAll(async () => {
  suite = await startSuite(["organization"], { gatewayEnv: { TRUSTED_DOCUMENTS: "enforce" } });
  base = suite.gatewayUrl.replace(/\/graphql$/, "");
  token = await suite.token("CITY_ADMIN", "150600000000");
  importOrdosDivisions(suite);
}, 180_000);
afterAll(async () => {
  await suite?.stop();
  console.error(`trusted-documents e2e: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

async function post(body: unknown) {
  const response = await fetch(suite.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "cache-control": "no-cache",
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

/** How many calls the gateway has made to organization (its own metric). */
async function organizationCalls(): Promise<number> {
  const text = await (
    await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${testEnv.internalSecret}` } })
  ).text();
  return [
    ...text.matchAll(
      /^gateway_subgraph_request_duration_seconds_count\{subgraph="organization",[^}]*\} (\d+)/gm,
    ),
  ]
    .map((m) => Number(m[1]))
    .reduce((a, b) => a + b, 0);
}

const tryQuery = (name: string) => tryQueries().find((q) => q.query.startsWith(`query ${name}`))!;

it("#14 trusted documents enforced: a try query the IDE shows answers, as text and as a hash alone (Apollo persisted query)", async () => {
  const { query } = tryQuery("TryPostCoverage");
  const asText = await post({ query });
  expect(asText.status).toBe(200);
  expect(asText.body.errors).toBeUndefined();
  const banners = asText.body.data!.postCoverage as { banner: { name: string } }[];
  expect(banners.map((b) => b.banner.name)).toContain("达拉特旗");

  const hashOnly = await post({
    extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } },
  });
  expect(hashOnly.status).toBe(200);
  expect(hashOnly.body).toEqual(asText.body);
});

it("#14 trusted documents enforced: a load-test operation with its variables answers", async () => {
  const documents = readTrustedDocuments(defaultTrustedDocumentsPath);
  const cityUnit = [...documents.values()].find((body) => body.includes("query CityUnit("))!;
  const res = await post({ query: cityUnit, variables: { code: DALATE }, operationName: "CityUnit" });
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data).toEqual({ orgUnitByCode: { id: orgUnitIdForCode(DALATE) } });
});

it("#14 trusted documents enforced: an unlisted query, a listed one changed by a space and an unknown hash are refused with PERSISTED_QUERY_NOT_ALLOWED, and organization is never called", async () => {
  const before = await organizationCalls();
  expect(before).toBeGreaterThan(0); // the listed operations above did reach it
  const unlisted = `{ orgUnitByCode(code: "${DALATE}") { id name } }`;
  const changed = `${tryQuery("TryPostCoverage").query} `;
  for (const body of [
    { query: unlisted },
    { query: changed },
    { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(unlisted) } } },
  ]) {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions?.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect(res.body.errors![0].message).toMatch(/runs only the operations registered for its known clients/);
  }
  expect(await organizationCalls()).toBe(before);
});

it("#14 trusted documents enforced: health, the IDE page and the spreadsheet exports (the gateway's own operations) keep working", async () => {
  expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  expect((await fetch(`${base}/ide`)).status).toBe(200);
  const xlsx = await fetch(`${base}/exports/post-coverage.xlsx`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
  expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
});
