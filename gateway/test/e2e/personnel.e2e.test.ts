import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { orgUnitIdForCode } from "@grassroots/kit";
import {
  callGateway,
  queryDatabase as sql,
  startSuite,
  waitFor,
  type RunningSuite,
} from "@grassroots/testing";

// Staffing across services, as a client sees it: organization's seed builds the Ordos tree (real
// divisions, sample villages, register counts); personnel learns every unit from organization's
// events on Kafka, then its own seed staffs them; one gateway query joins the two subgraphs
// (banner → townships → their statisticians and R3/R4 results). Real processes, databases and broker.

const ROOT = resolve(__dirname, "../../..");
const DALATE = "150621000000"; // 达拉特旗

let suite: RunningSuite;

const runSeed = (service: string) =>
  execFileSync(process.execPath, ["dist/cli/seed.js"], {
    cwd: resolve(ROOT, "services", service),
    env: { ...process.env, DATABASE_URL: suite.databases[service].url, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });

/** The README's query ("Staffing across services"). */
const BANNER_STAFFING = `query ($code: String!) {
  orgUnitByCode(code: $code) {
    name
    children(first: 20) {
      totalCount
      edges { node {
        code name kind registerCount
        staffing { compliant gaps { code required actual reason } }
        statisticians(first: 5) { totalCount edges { node { name idNumber } assignment { role establishment status } } }
      } }
    }
  }
}`;

interface TownshipRow {
  code: string;
  name: string;
  kind: string;
  registerCount: number | null;
  staffing: {
    compliant: boolean;
    gaps: { code: string; required: number; actual: number; reason: string }[];
  } | null;
  statisticians: {
    totalCount: number;
    edges: {
      node: { name: string; idNumber: string };
      assignment: { role: string; establishment: string; status: string };
    }[];
  } | null;
}

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel"]);
  runSeed("organization");
  // Personnel's projection is built from organization's events alone: wait until it holds every unit
  // with the same register counts.
  const orgUnits = async () =>
    sql<{ id: string; register_count: number | null }>(
      suite.databases.organization.url,
      `SELECT id, register_count FROM org_unit ORDER BY id`,
    );
  const expected = JSON.stringify(await orgUnits());
  await waitFor(
    async () =>
      JSON.stringify(
        await sql(suite.databases.personnel.url, `SELECT id, register_count FROM org_unit ORDER BY id`),
      ) === expected,
    "personnel to learn the seeded tree from Kafka",
    180000,
    1000,
  );
  process.stdout.write(runSeed("personnel"));
}, 600000);

afterAll(async () => {
  await suite?.stop();
});

describe("staffing across services (organization + personnel through the gateway)", () => {
  let townships: TownshipRow[];

  it("R3/R4: a banner → its townships → their statisticians and staffing results, in one query", async () => {
    const token = await suite.token("BANNER_ADMIN", DALATE);
    const res = await callGateway(suite.gatewayUrl, BANNER_STAFFING, { code: DALATE }, token);
    expect(res.errors).toBeUndefined();
    const banner = res.data!.orgUnitByCode;
    expect(banner.name).toBe("达拉特旗");
    townships = banner.children.edges.map((e: { node: TownshipRow }) => e.node);
    expect(banner.children.totalCount).toBe(townships.length);
    expect(townships.map((t) => t.code)).toContain("150621100000");
    expect(townships.every((t) => t.staffing !== null && t.statisticians !== null)).toBe(true);
    // The seeded picture is mixed: some townships meet their rules, some do not.
    expect(townships.some((t) => t.staffing!.compliant)).toBe(true);
    expect(townships.some((t) => !t.staffing!.compliant)).toBe(true);
    // Personal data in full for the banner bureau.
    const someone = townships.flatMap((t) => t.statisticians!.edges)[0];
    expect(someone.node.name).toMatch(/^样例统计员\d{9}$/);
    expect(someone.node.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it("R3/R4: each township's result agrees with its posts in personnel's database and its register count in organization's", async () => {
    const counts = await sql<{ code: string; active: number; ftie: number }>(
      suite.databases.personnel.url,
      `SELECT u.code, count(a.*) FILTER (WHERE a.status = 'ACTIVE')::int AS active,
              count(a.*) FILTER (WHERE a.status = 'ACTIVE' AND a.role = 'FULL_TIME' AND a.establishment = 'IN_ESTABLISHMENT')::int AS ftie
         FROM org_unit u LEFT JOIN post_assignment a ON a.org_unit_id = u.id
        WHERE u.parent_id = $1 GROUP BY u.code`,
      [orgUnitIdForCode(DALATE)],
    );
    const registers = await sql<{ code: string; register_count: number | null }>(
      suite.databases.organization.url,
      `SELECT code, register_count FROM org_unit WHERE parent_id = $1`,
      [orgUnitIdForCode(DALATE)],
    );
    for (const t of townships) {
      const c = counts.find((r) => r.code === t.code)!;
      expect(t.registerCount).toBe(registers.find((r) => r.code === t.code)!.register_count);
      expect(t.statisticians!.totalCount).toBe(c.active);
      if (t.kind === "PARK") {
        expect(t.staffing!.compliant).toBe(c.active >= 1);
      } else {
        const needsTwo = (t.registerCount ?? 0) >= 1500;
        expect(t.staffing!.compliant).toBe(c.ftie >= 1 && (!needsTwo || c.active >= 2));
      }
      for (const gap of t.staffing!.gaps) expect(gap.reason.length).toBeGreaterThan(20);
    }
  });

  it("R3/R4: the banner's gaps, sorted, joined with organization's unit fields", async () => {
    const token = await suite.token("CITY_ADMIN", "150600000000");
    const res = await callGateway(
      suite.gatewayUrl,
      `query ($banner: ID!) { staffingGaps(bannerId: $banner) { banner { name } unitsEvaluated compliantUnits
         units { unitCode orgUnit { code name kind parent { name } } staffing { gaps { code reason } } } } }`,
      { banner: orgUnitIdForCode(DALATE) },
      token,
    );
    expect(res.errors).toBeUndefined();
    const report = res.data!.staffingGaps;
    expect(report.banner.name).toBe("达拉特旗");
    expect(report.unitsEvaluated).toBeGreaterThan(150);
    expect(report.compliantUnits).toBeGreaterThan(0);
    const codes = report.units.map((u: { unitCode: string }) => u.unitCode);
    expect(codes).toEqual([...codes].sort());
    expect(report.units.length).toBe(report.unitsEvaluated - report.compliantUnits);
    for (const u of report.units) expect(u.orgUnit.code).toBe(u.unitCode);
  });

  it("an inspector gets the same picture with ID numbers masked", async () => {
    const token = await suite.token("INSPECTOR", DALATE);
    const res = await callGateway(suite.gatewayUrl, BANNER_STAFFING, { code: DALATE }, token);
    expect(res.errors).toBeUndefined();
    const ids = res.data!.orgUnitByCode.children.edges.flatMap((e: { node: TownshipRow }) =>
      e.node.statisticians!.edges.map((s) => s.node.idNumber),
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id: string) => /^\d{6}\*{8}\d{3}[\dX]$/.test(id))).toBe(true);
  });
});
