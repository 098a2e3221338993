import type { Client } from "pg";
import { callerOf, freshReads } from "../driver/endpoint";
import { newState, runFlows } from "../driver/runner";
import { round } from "../driver/stats";
import { runSetup } from "../driver/steps";
import { StatementCounter } from "../measure/sql";
import { statementsBetween, statementTimes, type StatementTime } from "../profile/statements";
import { PARAMS, SCENARIOS, type ScenarioDef } from "../scenarios/definitions";
import type { Json } from "../scenarios/template";
import { progress } from "./progress";
import type { Bench } from "./suite";

/**
 * The benchmark's scenarios against the data a `generate` run left (national scale: the issue asks for
 * the banner clerk's, the staffing and the dashboard scenarios there). The city's parameters name Ordos,
 * which a generated tree does not hold, so the banner is the county-level unit with the most posts in
 * personnel's data and the city its parent: the part of the country the seed reached.
 */

/** The staffing scenario: banner-clerk's staffing-gaps flow alone (one personnel statement per call). */
const BANNER_STAFFING: ScenarioDef = (() => {
  const clerk = SCENARIOS.find((s) => s.name === "banner-clerk")!;
  return {
    ...clerk,
    name: "banner-staffing",
    title: "A banner's staffing (R3/R4)",
    description: "banner-clerk's staffing-gaps flow alone",
    flows: clerk.flows.filter((f) => f.name === "staffing-gaps"),
  };
})();

export const AT_SCALE_SCENARIOS = [
  "banner-clerk",
  "banner-staffing",
  "city-dashboard",
  "city-dashboard-fresh",
] as const;

export interface AtScaleScenario {
  name: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number | null;
  p95Ms: number | null;
  thresholdP95Ms: number | null;
  errors: number;
  errorSamples: string[];
  /** The statements that took the most database time during the load. */
  topStatements: (Omit<StatementTime, "key"> & { msPerCall: number })[];
}

export interface AtScaleResult {
  params: Record<string, string>;
  /** Statisticians with a post in the banner the scenarios use. */
  bannerStaff: number;
  scenarios: AtScaleScenario[];
  /** EXPLAIN (ANALYZE, BUFFERS) of personnel's banner staffing statement: as sent, and its former LIKE join. */
  staffingPlans: { form: string; query: string; plan: string }[];
}

/** The banner with the most posts, its city and first township (personnel's projection of the tree). */
async function pickParams(bench: Bench): Promise<{ params: Record<string, string>; staff: number }> {
  const personnel = await bench.db("personnel");
  // Paths are "<root id>/<banner id>/…/": the banner of a unit is its path's second segment.
  const { rows } = await personnel.query(
    `SELECT split_part(u.path, '/', 2)::uuid AS banner, count(*)::int AS staff
       FROM post_assignment a JOIN org_unit u ON u.id = a.org_unit_id
      WHERE u.depth >= 1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  if (!rows[0]) throw new Error("no posts in personnel: the seed loaded nobody, nothing to measure");
  const [unit] = (
    await personnel.query(
      `SELECT b.code AS banner, c.code AS city,
              (SELECT t.code FROM org_unit t WHERE t.parent_id = b.id ORDER BY t.code LIMIT 1) AS township
         FROM org_unit b JOIN org_unit c ON c.id = b.parent_id WHERE b.id = $1`,
      [rows[0].banner],
    )
  ).rows;
  return {
    params: { cityCode: unit.city, bannerCode: unit.banner, burstUnitCode: unit.township },
    staff: rows[0].staff,
  };
}

/** personnel's staffing statement (repositories/staffing.reads.ts bannerUnits), explained with real values. */
const STAFFING = /WITH b AS \(SELECT \* FROM org_unit WHERE id = \$1 AND depth = 1\)/;
/** The same statement as it was before pathUnder: the banner's subtree joined with LIKE. */
const likeJoin = (query: string) =>
  query.replace(
    /\(u\.path ~>=~ b\.path AND u\.path ~<~ \(b\.path \|\| '~'\) AND (u\.path LIKE b\.path \|\| '%')\)/,
    "$1",
  );

/**
 * Watches personnel's sessions (pg_stat_activity: the text as sent, with its constants; pg_stat_statements
 * would replace them with parameters) until one runs the staffing statement; stop() gives its text.
 */
function catchStaffingStatement(admin: Client, database: string): { stop(): Promise<string | null> } {
  let found: string | null = null;
  let stopped = false;
  const loop = (async () => {
    while (!stopped && found === null) {
      const { rows } = await admin.query(
        `SELECT query FROM pg_stat_activity WHERE datname = $1 AND query ~ $2 LIMIT 1`,
        [database, STAFFING.source],
      );
      if (rows[0]) found = rows[0].query;
      else await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop.catch(() => undefined);
      return found;
    },
  };
}

async function explainStaffing(
  personnel: Client,
  statement: string | null,
  bannerCode: string,
): Promise<AtScaleResult["staffingPlans"]> {
  if (!statement) return [];
  const [banner] = (
    await personnel.query(`SELECT id, path FROM org_unit WHERE code = $1 AND depth = 1`, [bannerCode])
  ).rows;
  // The kinds the service passes are its staffed kinds; the kinds below banner level stand in for them.
  const [{ kinds }] = (
    await personnel.query(`SELECT array_agg(DISTINCT kind) AS kinds FROM org_unit WHERE depth >= 2`)
  ).rows;
  const literal = (v: string) => personnel.escapeLiteral(v);
  const args = [
    `${literal(banner.id)}::uuid`,
    literal(`${banner.path}%`),
    `ARRAY[${(kinds as string[]).map(literal).join(",")}]::text[]`,
  ].join(", ");
  const plans: AtScaleResult["staffingPlans"] = [];
  const forms = [
    { form: "as the service sends it", query: statement },
    { form: "with the LIKE join it had before (#15)", query: likeJoin(statement) },
  ];
  for (const { form, query } of forms) {
    if (plans.some((p) => p.query === query)) continue;
    await personnel.query(`PREPARE staffing_at_scale AS ${query}`);
    try {
      await personnel.query(`EXECUTE staffing_at_scale(${args})`); // warm the buffers alike for both
      const { rows } = await personnel.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE staffing_at_scale(${args})`);
      plans.push({ form, query, plan: rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n") });
    } finally {
      await personnel.query(`DEALLOCATE staffing_at_scale`);
    }
  }
  return plans;
}

export async function scenariosAtScale(
  bench: Bench,
  names: readonly string[],
  seconds: number,
): Promise<AtScaleResult> {
  const picked = await pickParams(bench);
  const params: Record<string, Json> = { ...PARAMS, ...picked.params };
  progress(
    `at scale: city ${picked.params.cityCode}, banner ${picked.params.bannerCode} (${picked.staff} posts)`,
  );
  const dbNames = Object.fromEntries(Object.entries(bench.suite.databases).map(([s, d]) => [s, d.name]));
  const counter = await StatementCounter.connect(dbNames);
  const scenarios: AtScaleScenario[] = [];
  let staffingPlans: AtScaleResult["staffingPlans"] = [];
  try {
    for (const name of names) {
      const scenario =
        name === BANNER_STAFFING.name ? BANNER_STAFFING : SCENARIOS.find((s) => s.name === name);
      if (!scenario) throw new Error(`no scenario ${name} (at scale: ${AT_SCALE_SCENARIOS.join(", ")})`);
      const state = newState();
      const caller = callerOf(scenario.identity, params, state);
      const fixtures = await runSetup(bench.gateway, caller, scenario.setup, params, state);
      const endpoint = scenario.freshReads ? freshReads(bench.gateway) : bench.gateway;
      const load = (durationSeconds: number) =>
        runFlows({
          endpoint,
          caller,
          flows: scenario.flows,
          scope: { ...params, ...fixtures },
          connections: scenario.load.connections,
          durationSeconds,
          maxIterations: scenario.load.maxIterations,
          state,
        });
      await load(3); // warm-up: JIT, pools, plan caches
      progress(`at scale: ${name}, ${scenario.load.connections} connections for ${seconds} s`);
      const before = await statementTimes(counter.admin, dbNames);
      const watch = catchStaffingStatement(counter.admin, dbNames.personnel);
      const result = await load(seconds);
      const staffingStatement = await watch.stop();
      const after = await statementTimes(counter.admin, dbNames);
      const diff = statementsBetween(before, after).map(({ key: _key, ...s }) => ({
        ...s,
        msPerCall: round(s.totalMs / s.calls, 2),
      }));
      if (name === BANNER_STAFFING.name || (name === "banner-clerk" && staffingPlans.length === 0))
        staffingPlans = await explainStaffing(
          await bench.db("personnel"),
          staffingStatement,
          picked.params.bannerCode,
        );
      scenarios.push({
        name,
        connections: scenario.load.connections,
        seconds,
        requestsPerSecond: result.requestsPerSecond,
        p50Ms: result.latencyMs.p50,
        p95Ms: result.latencyMs.p95,
        thresholdP95Ms: scenario.thresholds.p95Ms ?? null,
        errors: result.httpErrors + result.graphqlErrors + result.transportErrors,
        errorSamples: result.errorSamples.slice(0, 3),
        topStatements: diff.slice(0, 5),
      });
    }
  } finally {
    await counter.admin.end().catch(() => undefined);
  }
  return { params: picked.params, bannerStaff: picked.staff, scenarios, staffingPlans };
}

const cell = (text: string) => text.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 160);

export function atScaleMarkdown(r: AtScaleResult, databaseBytes: Record<string, number>): string {
  const mb = (b: number) => `${Math.round(b / 1024 / 1024).toLocaleString("en")} MB`;
  const lines = [
    "",
    "## The scenarios on this data",
    "",
    `City ${r.params.cityCode}, banner ${r.params.bannerCode} (${r.bannerStaff} posts in personnel: the banner the seed staffed most), township ${r.params.burstUnitCode}. ` +
      `Each scenario: 3 s of warm-up, then the load; closed loop at the scenario's connections. Databases: ${Object.entries(
        databaseBytes,
      )
        .map(([s, b]) => `${s} ${mb(b)}`)
        .join(", ")}.`,
    "",
    "| scenario | connections | s | req/s | p50 ms | p95 ms | threshold p95 | errors |",
    "|---|---|---|---|---|---|---|---|",
    ...r.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.connections} | ${s.seconds} | ${s.requestsPerSecond} | ${s.p50Ms} | ${s.p95Ms} | ${s.thresholdP95Ms ?? "–"} ms | ${s.errors}${s.errorSamples.length ? ` (${cell(s.errorSamples[0])})` : ""} |`,
    ),
    "",
  ];
  for (const s of r.scenarios) {
    lines.push(
      `Top statements by database time, ${s.name}:`,
      "",
      "| service | calls | ms per call | rows per call | statement |",
      "|---|---|---|---|---|",
      ...s.topStatements.map(
        (t) =>
          `| ${t.service} | ${t.calls} | ${t.msPerCall} | ${round(t.rows / Math.max(1, t.calls))} | \`${cell(t.query)}\` |`,
      ),
      "",
    );
  }
  for (const p of r.staffingPlans)
    lines.push(
      `personnel's banner staffing statement ${p.form}, \`EXPLAIN (ANALYZE, BUFFERS)\` with this banner's id and scope:`,
      "",
      "```",
      p.plan,
      "```",
      "",
    );
  return lines.join("\n");
}
