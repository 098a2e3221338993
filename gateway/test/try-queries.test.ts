import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { parse, validate, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { measureOperation } from "../src/limits/measure-operation";
import { tryQueries } from "../src/try/try-queries";

// The queries suite-up.sh prints, one per requirement area, against the composed supergraph's API
// schema (what clients see) and the gateway's default limits: a newcomer's first paste must work.

function apiSchema(): GraphQLSchema {
  const req = createRequire(require.resolve("@apollo/gateway"));
  const internals = req("@apollo/federation-internals") as {
    Supergraph: { build(sdl: string): { apiSchema(): { toGraphQLJSSchema(): GraphQLSchema } } };
  };
  const sdl = readFileSync(resolve(__dirname, "../supergraph.graphql"), "utf8");
  return internals.Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

const schema = apiSchema();
const queries = tryQueries(new Date("2026-12-01T00:00:00Z"));

describe("suite-up's queries to try (#13: one per requirement area)", () => {
  it("cover every requirement R1–R13", () => {
    const covered = new Set(queries.flatMap((q) => [...q.area.matchAll(/R(\d+)/g)].map((m) => Number(m[1]))));
    expect([...covered].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it("ask for the years the seeds fill: this year's R2, R6, R8, R11 and R13, last year's ranking (R12), the month's claims (R10)", () => {
    const of = (r: string) => queries.find((q) => q.area.startsWith(r))!;
    for (const r of ["R2 ", "R6 ", "R8 ", "R11 ", "R13 "]) expect(of(r).variables).toEqual({ year: 2026 });
    expect(of("R12 ").variables).toEqual({ year: 2025 });
    expect(of("R10 ").variables).toEqual({ period: "2026-12" });
    // R9: the programme's rounds (finance's seed-awards computes its last year's) and their audit
    expect(
      queries.filter((q) => q.area.startsWith("R9 ")).map((q) => /rounds \{ (\w+)/.exec(q.query)![1]),
    ).toEqual(["fiscalYear", "fiscalYear"]);
    expect(queries.some((q) => q.query.includes("audit { checks"))).toBe(true);
  });

  it("#14: are named operations whose text does not change with the date (the trusted-documents list holds them)", () => {
    const later = tryQueries(new Date("2027-03-15T00:00:00Z"));
    expect(later.map((q) => q.query)).toEqual(queries.map((q) => q.query));
    for (const { query } of queries) expect(query).toMatch(/^query Try\w+[ (]/);
  });

  it.each(queries.map((q) => [q.area, q.query, q.variables ?? {}] as const))(
    "%s: valid against the supergraph and within the gateway's depth and cost limits",
    (_area, query, variables) => {
      const document = parse(query);
      // graphql's validate may not mutate; the shared schema is safe across cases
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const measures = measureOperation(schema, document, operation, variables);
      expect(measures.depth).toBeLessThanOrEqual(12);
      expect(measures.cost).toBeLessThanOrEqual(5000);
    },
  );
});

/** The request bodies of the root README's curl examples (lines `{"query":"…"}`). */
const readmeQueries = readFileSync(resolve(__dirname, "../../README.md"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith('{"query":'))
  .map((line) => (JSON.parse(line) as { query: string }).query);

describe("the README's example queries", () => {
  it("are there", () => expect(readmeQueries.length).toBeGreaterThanOrEqual(3));

  it.each(readmeQueries.map((q, i) => [i + 1, q] as const))(
    "example %d is valid against the supergraph and within the gateway's limits",
    (_n, query) => {
      const document = parse(query);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const measures = measureOperation(
        schema,
        document,
        document.definitions[0] as OperationDefinitionNode,
        {},
      );
      expect(measures.depth).toBeLessThanOrEqual(12);
      expect(measures.cost).toBeLessThanOrEqual(5000);
    },
  );
});
