import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse, validate, type GraphQLSchema } from "graphql";
import { collectTrustedDocuments } from "../src/trusted-documents/collect";
import {
  defaultTrustedDocumentsPath,
  documentHash,
  manifestOf,
  manifestText,
  readTrustedDocuments,
} from "../src/trusted-documents/manifest";
import { templateLiterals } from "../src/trusted-documents/template-literals";
import { createLogger } from "@grassroots/kit";
import { loadGatewayConfig } from "../src/config";
import { startGatewayServer } from "../src/server/gateway-server";
import { INTERNAL_SECRET, JWT_SECRET, startTestStack, type TestStack } from "./support/test-stack";

// Issue 14, "trusted documents": the allow-list by hash, built from the known clients' operations,
// and the gateway enforcing it before parsing (against the echo subgraph; the real suite in
// test/e2e/trusted-documents.e2e.test.ts).

const LISTED = "query ListedUnits { units(first: 2) { id name } }";
const UNLISTED = "query NotListed { units(first: 2) { id } }";
const dir = mkdtempSync(join(tmpdir(), "trusted-documents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeList(name: string, bodies: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, manifestText(manifestOf(bodies.map((body) => ({ body, clientName: "test" })))));
  return path;
}

async function postRaw(stack: TestStack, token: string, body: unknown) {
  const response = await fetch(stack.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

const persisted = (query: string) => ({ version: 1, sha256Hash: documentHash(query) });

describe("#14 trusted documents: the committed list", () => {
  const committed = readFileSync(defaultTrustedDocumentsPath, "utf8");

  it("is the one built from the clients' sources (the IDE's try queries, the load tests' operations): run `pnpm --filter @grassroots/gateway trusted-documents` after changing them", () => {
    expect(committed).toBe(manifestText(manifestOf(collectTrustedDocuments())));
  });

  it("holds every try query and every load-test operation (scenarios and data generator), each listed by the sha256 of its exact text", () => {
    const names = (JSON.parse(committed) as { operations: { id: string; name: string; body: string }[] })
      .operations;
    for (const { id, body } of names) expect(id).toBe(documentHash(body));
    const listed = new Set(names.map((o) => o.name));
    const scenarios = JSON.parse(
      readFileSync(resolve(__dirname, "../../load-tests/k6/scenarios.json"), "utf8"),
    ).operations as Record<string, unknown>;
    for (const name of Object.keys(scenarios)) expect(listed).toContain(name);
    for (const name of [
      "GenerateUnit",
      "GenerateOrgUnit",
      "GenerateBudgetLine",
      "GenerateDisbursement",
      "TryPostCoverage",
    ])
      expect(listed).toContain(name);
    expect(names.length).toBe(listed.size);
  });

  it("holds only operations valid against the composed supergraph", () => {
    const req = createRequire(require.resolve("@apollo/gateway"));
    const internals = req("@apollo/federation-internals") as {
      Supergraph: { build(sdl: string): { apiSchema(): { toGraphQLJSSchema(): GraphQLSchema } } };
    };
    const sdl = readFileSync(resolve(__dirname, "../supergraph.graphql"), "utf8");
    const schema = internals.Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
    const invalid = [...readTrustedDocuments(defaultTrustedDocumentsPath).values()].filter(
      (body) => validate(schema, parse(body)).length > 0,
    );
    expect(invalid).toEqual([]);
  });
});

describe("#14 trusted documents: reading the load tests' sources", () => {
  it("finds template literals past comments and strings holding backticks, and marks the ones built from parts", () => {
    const source = [
      "/** a doc comment with `Cache-Control: no-cache` in backticks */",
      'const a = "a `quoted` string"; // and a `line` comment',
      "const b = `\nquery One { x }`;",
      "const c = { d: `query Two { ${fields} }`, e: `${x ? `nested` : `other`}` };",
    ].join("\n");
    expect(templateLiterals(source)).toEqual([
      { text: "\nquery One { x }", interpolated: false },
      { text: "query Two { ${…} }", interpolated: true },
      { text: "${…}", interpolated: true },
    ]);
  });

  it("refuses to build the list when an operation named in load-tests/src cannot be read (built from parts and not in the export)", () => {
    const root = join(dir, "repo");
    mkdirSync(join(root, "load-tests", "k6"), { recursive: true });
    mkdirSync(join(root, "load-tests", "src"), { recursive: true });
    writeFileSync(
      join(root, "load-tests", "k6", "scenarios.json"),
      JSON.stringify({ operations: { Exported: { document: "query Exported { a }" } } }),
    );
    writeFileSync(
      join(root, "load-tests", "src", "ops.ts"),
      "const PLAIN = `\nmutation Plain($x: Int) { b(x: $x) }`;\nconst BUILT = `\nquery Built { ${PARTS} }`;\n",
    );
    expect(() => collectTrustedDocuments(root)).toThrow(
      /could not be read \(built from parts\?\): Built \(load-tests\/src\/ops\.ts\)/,
    );
    writeFileSync(
      join(root, "load-tests", "src", "ops.ts"),
      "const PLAIN = `\nmutation Plain($x: Int) { b(x: $x) }`;\n",
    );
    const names = collectTrustedDocuments(root)
      .filter((d) => d.clientName === "load-tests")
      .map((d) => parse(d.body).definitions.map((x) => ("name" in x ? x.name?.value : "")));
    expect(names).toEqual([["Exported"], ["Plain"]]);
  });

  it("a list whose id is not its text's hash stops the gateway's start, naming the file", async () => {
    const path = join(dir, "forged.json");
    writeFileSync(
      path,
      JSON.stringify({
        format: "apollo-persisted-query-manifest",
        version: 1,
        operations: [{ id: documentHash(LISTED), name: "X", type: "query", body: UNLISTED }],
      }),
    );
    const config = loadGatewayConfig({
      NODE_ENV: "test",
      INTERNAL_SECRET,
      JWT_SECRET,
      TRUSTED_DOCUMENTS: "enforce",
      TRUSTED_DOCUMENTS_FILE: path,
    });
    const start = startGatewayServer({
      config,
      logger: createLogger("test", "silent"),
      supergraph: { sdl: "" },
    });
    await expect(start).rejects.toThrow(/forged\.json: operation [0-9a-f]{64} is not the sha256 of its body/);
  });
});

describe("#14 trusted documents off (the default): any operation runs", () => {
  let stack: TestStack;
  let token: string;
  beforeAll(async () => {
    stack = await startTestStack();
    token = await stack.token();
  });
  afterAll(() => stack?.stop());

  it("an operation on no list answers", async () => {
    expect(stack.config.TRUSTED_DOCUMENTS).toBe("off");
    const res = await stack.post(UNLISTED, { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ units: [{ id: "u0" }, { id: "u1" }] });
  });
});

describe("#14 trusted documents enforced", () => {
  let stack: TestStack;
  let token: string;
  beforeAll(async () => {
    const path = writeList("echo.json", [LISTED]);
    stack = await startTestStack({ TRUSTED_DOCUMENTS: "enforce", TRUSTED_DOCUMENTS_FILE: path });
    token = await stack.token();
  });
  afterAll(() => stack?.stop());

  it("a listed operation answers", async () => {
    const res = await stack.post(LISTED, { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      units: [
        { id: "u0", name: "unit u0" },
        { id: "u1", name: "unit u1" },
      ],
    });
  });

  it("an unlisted one is refused with HTTP 400 PERSISTED_QUERY_NOT_ALLOWED and its hash, before parsing, no subgraph called", async () => {
    const calls = stack.subgraph.calls;
    const res = await stack.post(UNLISTED, { token });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions?.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect(res.body.errors![0].message).toContain(`(sha256 ${documentHash(UNLISTED)}) is not among them`);
    // Not even parsed: a syntax error is refused the same way, not as GRAPHQL_PARSE_FAILED.
    const garbage = await stack.post("{ this is not graphql", { token });
    expect(garbage.body.errors![0].extensions?.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    // One space more is another document.
    expect((await stack.post(`${LISTED} `, { token })).status).toBe(400);
    expect(stack.subgraph.calls).toBe(calls);
  });

  it("a hash-only request (Apollo persisted query, no text) of a listed operation answers; an unlisted hash is refused", async () => {
    const listed = await postRaw(stack, token, { extensions: { persistedQuery: persisted(LISTED) } });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual({
      units: [
        { id: "u0", name: "unit u0" },
        { id: "u1", name: "unit u1" },
      ],
    });
    const calls = stack.subgraph.calls;
    const unlisted = await postRaw(stack, token, { extensions: { persistedQuery: persisted(UNLISTED) } });
    expect(unlisted.status).toBe(400);
    expect(unlisted.body.errors![0].extensions?.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect(stack.subgraph.calls).toBe(calls);
  });

  it("an unauthenticated request is still refused as UNAUTHENTICATED first; health answers", async () => {
    expect((await stack.post(UNLISTED)).status).toBe(401);
    expect((await fetch(`${stack.base}/health/ready`)).status).toBe(200);
    expect((await fetch(`${stack.base}/ide`)).status).toBe(200);
  });
});
