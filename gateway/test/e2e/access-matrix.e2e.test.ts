import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import { callGateway, startSuite, type GraphQLResult, type RunningSuite } from "@grassroots/testing";
import { ACCESS_POLICY } from "../support/access/access-policy";
import { CALLERS, CITY, DALATE, SHULINZHAO, XUEJIAWAN } from "../support/access/areas";
import {
  describeCase,
  generateCases,
  judge,
  unreached,
  type Case,
  type Verdict,
} from "../support/access/matrix";
import { schemaOperations, supergraph } from "../support/access/operations";
import { seedMatrix, type Seeds } from "../support/access/seed";
import { chinaDay as day } from "../support/ordos-suite";

// Issue 14, "Access matrix": every query, mutation and cross-service reference of the supergraph ×
// every role × (own unit, a unit below, a sibling banner, a unit above) on the real Ordos tree, the
// expected outcome taken from the one written policy table (test/support/access/access-policy.ts).
// A leak is data (or a write) the table says must not come back; a wrong refusal is a refusal the
// table says must not happen. All five subgraphs and the gateway run as real processes.

const schema = supergraph();

describe("the access policy table (issue 14)", () => {
  test("classifies every operation of the supergraph: a new query, mutation or reference field fails here until it has a row", () => {
    const inTable = new Set(ACCESS_POLICY.map((r) => r.operation));
    const missing = schemaOperations(schema)
      .map((o) => o.operation)
      .filter((o) => !inTable.has(o));
    expect(missing).toEqual([]);
  });

  test("names only operations the supergraph has, each with the service that serves it", () => {
    const ops = new Map(schemaOperations(schema).map((o) => [o.operation, o.service]));
    expect(ACCESS_POLICY.filter((r) => ops.get(r.operation) !== r.service).map((r) => r.operation)).toEqual(
      [],
    );
    expect(new Set(ACCESS_POLICY.map((r) => r.operation)).size).toBe(ACCESS_POLICY.length);
  });
});

describe("the access matrix through the gateway (issue 14)", () => {
  let suite: RunningSuite;
  let seeds: Seeds;
  const started = Date.now();

  beforeAll(async () => {
    suite = await startSuite(["organization", "personnel", "training", "finance", "evaluation"], {
      // the matrix sends a few thousand calls from five tokens: no per-caller throttling in its way
      gatewayEnv: { RATE_LIMIT_PER_SECOND: "0", MAX_CONCURRENT_OPERATIONS: "0" },
    });
    seeds = await seedMatrix(suite);
    // eslint-disable-next-line no-console
    console.log(`access matrix: suite started and seeded in ${Date.now() - started} ms`);
  }, 300000);

  afterAll(async () => {
    await suite?.stop();
  });

  /** Runs calls a few at a time. */
  async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += size)
      out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
    return out;
  }

  test("every operation × role × area answers as the policy table says: at least 1,000 cases, 0 leaks, 0 wrong refusals", async () => {
    const { cases, skipped } = generateCases(schema, seeds);
    const tokens = new Map<string, string>();
    for (const c of CALLERS)
      tokens.set(c.role, await suite.token(c.role, c.home, `matrix-${c.role}`, c.role));
    const runStarted = Date.now();
    const results: { c: Case; res: GraphQLResult; verdict: Verdict }[] = await inBatches(
      cases,
      4,
      async (c) => {
        const res = await callGateway(
          suite.gatewayUrl,
          c.probe.query,
          c.probe.variables,
          c.caller ? tokens.get(c.caller.role) : undefined,
        );
        return { c, res, verdict: judge(c, res) };
      },
    );
    const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
    const perOperation = new Map<string, { cases: number; allowed: number; refused: number; bad: number }>();
    for (const { c, verdict } of results) {
      const s = perOperation.get(c.row.operation) ?? { cases: 0, allowed: 0, refused: 0, bad: 0 };
      s.cases += 1;
      if (c.expected === "allowed") s.allowed += 1;
      else s.refused += 1;
      if (verdict !== "ok") s.bad += 1;
      perOperation.set(c.row.operation, s);
    }
    const bad = results.filter((r) => r.verdict !== "ok");
    const lines = [
      `access matrix: ${cases.length} cases over ${perOperation.size} of ${ACCESS_POLICY.length} operations ` +
        `(${ACCESS_POLICY.length} in the table) × ${CALLERS.length} roles + no token × 4 areas, run in ${Date.now() - runStarted} ms`,
      `  expected allowed ${results.filter((r) => r.c.expected === "allowed").length}, refused or hidden ${
        results.filter((r) => r.c.expected !== "allowed").length
      }`,
      `  result: ok ${count("ok")}, leaks ${count("leak")}, wrong refusals ${count("wrong refusal")}, ` +
        `wrong codes ${count("wrong code")}, other errors ${count("error")}`,
      `  refused references whose path hid the entity before the field (counted ok): ${
        results.filter((r) => unreached(r.c, r.res)).length
      }`,
      `  not run: ${Object.entries(skipped)
        .map(([why, n]) => `${n} × ${why}`)
        .join("; ")}`,
      "  per operation (cases / allowed / refused / failures):",
      ...[...perOperation.entries()].map(
        ([op, s]) =>
          `    ${op.padEnd(44)} ${String(s.cases).padStart(3)} ${String(s.allowed).padStart(3)} ${String(s.refused).padStart(3)} ${s.bad}`,
      ),
      ...bad.slice(0, 80).map((r) => `  ${r.verdict.toUpperCase()}: ${describeCase(r.c, r.res)}`),
    ];
    // eslint-disable-next-line no-console
    console.log(lines.join("\n"));
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect({
      leaks: count("leak"),
      wrongRefusals: count("wrong refusal"),
      wrongCodes: count("wrong code"),
      errors: count("error"),
    }).toEqual({
      leaks: 0,
      wrongRefusals: 0,
      wrongCodes: 0,
      errors: 0,
    });
    // eslint-disable-next-line no-console
    console.log(`access matrix: whole file ${Date.now() - started} ms`);
  }, 300000);

  /** A read that must answer without errors. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const read = async (query: string, variables: Record<string, unknown>, token: string): Promise<any> => {
    const res = await callGateway(suite.gatewayUrl, query, variables, token, { "cache-control": "no-cache" });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  test("R1/R3: a township clerk's reports of their banner count their own township only, never the rest of the banner", async () => {
    const clerk = await suite.token("UNIT_CLERK", SHULINZHAO, "matrix-clerk-2", "张华");
    const admin = await suite.token("BANNER_ADMIN", DALATE, "matrix-admin-2", "李强");
    const reports = `query ($b: ID!) {
      staffingGaps(bannerId: $b, includeCompliant: true) { units { unitCode } }
      postCoverage(bannerId: $b) { total } }`;
    const asClerk = await read(reports, { b: idOf(DALATE) }, clerk);
    const asAdmin = await read(reports, { b: idOf(DALATE) }, admin);
    const clerkUnits: string[] = asClerk.staffingGaps.units.map((u: { unitCode: string }) => u.unitCode);
    expect(clerkUnits.length).toBeGreaterThan(0);
    expect(clerkUnits.filter((code) => !code.startsWith(SHULINZHAO.slice(0, 9)))).toEqual([]);
    expect(asAdmin.staffingGaps.units.length).toBeGreaterThan(clerkUnits.length);
    expect(asClerk.postCoverage[0].total).toBeLessThan(asAdmin.postCoverage[0].total);
  }, 60000);
  test("R11: a banner's meeting read by a township clerk shows the problems of the clerk's area only, not another township's (nor who answers for it)", async () => {
    const admin = await suite.token("BANNER_ADMIN", DALATE, "matrix-admin-3", "李强");
    const clerk = await suite.token("UNIT_CLERK", SHULINZHAO, "matrix-clerk-3", "张华");
    const JIGESITAI = "150621101000"; // 吉格斯太镇, a sibling township of 树林召镇 in 达拉特旗
    await read(
      `mutation ($input: RecordWorkMeetingInput!) { recordWorkMeeting(input: $input) { id } }`,
      {
        input: {
          requestId: randomUUID(),
          holderUnitId: idOf(DALATE),
          meetingDate: day(-4),
          kind: "SPECIAL",
          chair: "旗长",
          topics: ["乡镇统计站建设"],
          studiedGrassrootsStatistics: true,
          problems: [
            { description: "树林召镇台账不全", responsibleUnitId: idOf(SHULINZHAO), dueDate: day(30) },
            {
              description: "吉格斯太镇缺专职统计员",
              responsibleUnitId: idOf(JIGESITAI),
              responsiblePerson: "王建国",
              dueDate: day(30),
            },
          ],
        },
      },
      admin,
    );
    const session = seeds.session!.find((s) => s.unit === DALATE)!;
    const seen = await read(
      `query ($id: ID!) { trainingSession(id: $id) { organizer { meetings { problems { responsibleUnit { id } responsiblePerson } } } } }`,
      { id: session.id },
      clerk,
    );
    const problems: { responsibleUnit: { id: string }; responsiblePerson: string | null }[] =
      seen.trainingSession.organizer.meetings.flatMap((m: { problems: unknown[] }) => m.problems);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.responsibleUnit.id === idOf(JIGESITAI))).toEqual([]);
    expect(problems.filter((p) => p.responsiblePerson === "王建国")).toEqual([]);
  }, 60000);

  test("R6/R7: the city's session read by a banner bureau lists the enrolments of its own banner's people only", async () => {
    const admin = await suite.token("BANNER_ADMIN", DALATE, "matrix-admin-4", "李强");
    const city = seeds.session!.find((s) => s.unit === CITY)!;
    const sibling = seeds.statistician!.find((p) => p.unit === XUEJIAWAN)!;
    const own = seeds.statistician!.find((p) => p.unit === SHULINZHAO)!;
    const seen = await read(
      `query ($id: ID!) { trainingSession(id: $id) { enrollments { statisticianId statistician { id name } } } }`,
      { id: city.id },
      admin,
    );
    const ids = JSON.stringify(seen.trainingSession.enrollments);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(sibling.id);
  }, 60000);
});
