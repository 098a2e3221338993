import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { divisionCsv, SCALES, type ScaleShape } from "./divisions";
import { drainMarkdown, sampleDrain, type ConsumerDrain } from "./drain";
import { generateFinanceEvaluation, type RuleStatusWait } from "./finance-evaluation";
import { progress, seconds } from "./progress";
import type { Bench } from "./suite";
import { runServiceTool, toolExists, type ToolRun } from "./tools";

export interface PhaseResult {
  phase: string;
  elapsedSeconds: number;
  done: number;
  total: number;
  timedOut: boolean;
  perSecond: number;
  output: string;
  /** The tool failed (its errors); the phases after it still run on what is there. */
  errors: string[];
}

export interface ScaleCounts {
  orgUnitsByDepth: Record<string, number>;
  statisticians: number | null;
  assignments: number | null;
  filings: number | null;
  sessions: number | null;
  enrollments: number | null;
  certificates: number | null;
  budgetLines: number | null;
  disbursements: number | null;
  /** Rule results in evaluation's projection (every service's, by events). */
  ruleStatuses: number | null;
  findings: number | null;
  /** Events each service published and handled. */
  events: Record<string, { published: number; handled: number }>;
  databaseBytes: Record<string, number>;
}

export interface GenerateResult {
  scale: ScaleShape;
  budgetSeconds: number;
  phases: PhaseResult[];
  counts: ScaleCounts;
  /** Finance's and evaluation's: the city's line through the API, the wait for the rule results. */
  financeEvaluation?: { cityLinePayments: number; ruleStatuses?: RuleStatusWait };
  /** Each consumer's drain through the run (src/generate/drain.ts). */
  drain: ConsumerDrain[];
  /** /proc/loadavg at the start and the end (the machine is shared). */
  loadAverage: { start: string; end: string };
  elapsedSeconds: number;
}

export { drainMarkdown };

const loadAverage = () => {
  try {
    return readFileSync("/proc/loadavg", "utf8").trim();
  } catch {
    return "n/a";
  }
};

const phaseOf = (name: string, run: ToolRun): PhaseResult => ({
  phase: name,
  elapsedSeconds: seconds(run.elapsedMs),
  done: run.done,
  total: run.total,
  timedOut: run.timedOut,
  perSecond: run.elapsedMs ? Math.round((run.done / run.elapsedMs) * 10000) / 10 : 0,
  output: run.output.trim(),
  errors: run.errors,
});

async function count(bench: Bench, service: string, sql: string): Promise<number | null> {
  if (!bench.services.includes(service)) return null;
  try {
    const { rows } = await (await bench.db(service)).query(sql);
    return Number(rows[0].n);
  } catch {
    return null;
  }
}

/**
 * Waits until `service` holds every org unit organization holds (and, with `statisticians`, every
 * statistician personnel holds), or until `until`; returns the seconds it waited. The seeds' own
 * wait ("nothing new for a few seconds") can take a lull in a national backlog for its end: a national
 * run, 2026-12-02, seeded 21,724 people on the ~13,000 units personnel held after 20 s.
 */
async function waitForProjections(
  bench: Bench,
  service: string,
  until: number,
  statisticians = false,
): Promise<number> {
  const started = Date.now();
  let shown = 0;
  for (;;) {
    const want = await count(bench, "organization", `SELECT count(*)::int AS n FROM org_unit`);
    const held = await count(bench, service, `SELECT count(*)::int AS n FROM org_unit`);
    const people = statisticians
      ? [
          await count(bench, "personnel", `SELECT count(*)::int AS n FROM statistician`),
          await count(bench, service, `SELECT count(*)::int AS n FROM statistician`),
        ]
      : [0, 0];
    const done = held !== null && want !== null && held >= want && (people[1] ?? 0) >= (people[0] ?? 0);
    if (done || Date.now() >= until) return seconds(Date.now() - started);
    if (Date.now() - shown > 15_000) {
      shown = Date.now();
      progress(
        `${service}: holds ${held ?? "-"} of ${want ?? "-"} org units` +
          (statisticians ? `, ${people[1] ?? "-"} of ${people[0] ?? "-"} statisticians` : "") +
          `; waiting before its seed`,
      );
    }
    await new Promise((r) => setTimeout(r, 5000));
  }
}

export async function scaleCounts(bench: Bench): Promise<ScaleCounts> {
  const org = await bench.db("organization");
  const byDepth = (
    await org.query(`SELECT depth, count(*)::int AS n FROM org_unit GROUP BY depth ORDER BY depth`)
  ).rows;
  const names = ["city", "county", "township", "village"];
  const events: ScaleCounts["events"] = {};
  const databaseBytes: Record<string, number> = {};
  for (const service of bench.services) {
    const client = await bench.db(service);
    const [row] = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM outbox) AS published, (SELECT count(*)::int FROM inbox) AS handled, pg_database_size(current_database())::bigint AS bytes`,
      )
    ).rows;
    events[service] = { published: row.published, handled: row.handled };
    databaseBytes[service] = Number(row.bytes);
  }
  return {
    orgUnitsByDepth: Object.fromEntries(
      byDepth.map((r: { depth: number; n: number }) => [names[r.depth] ?? `depth${r.depth}`, r.n]),
    ),
    statisticians: await count(bench, "personnel", `SELECT count(*) AS n FROM statistician`),
    assignments: await count(bench, "personnel", `SELECT count(*) AS n FROM post_assignment`),
    filings: await count(bench, "personnel", `SELECT count(*) AS n FROM filing`),
    sessions: await count(bench, "training", `SELECT count(*) AS n FROM training_session`),
    enrollments: await count(bench, "training", `SELECT count(*) AS n FROM training_enrollment`),
    certificates: await count(bench, "training", `SELECT count(*) AS n FROM training_certificate`),
    budgetLines: await count(bench, "finance", `SELECT count(*) AS n FROM budget_line`),
    disbursements: await count(bench, "finance", `SELECT count(*) AS n FROM disbursement`),
    ruleStatuses: await count(bench, "evaluation", `SELECT count(*) AS n FROM rule_status`),
    findings: await count(bench, "evaluation", `SELECT count(*) AS n FROM finding`),
    events,
    databaseBytes,
  };
}

/**
 * Fills the suite's databases at a scale through the services' own tools, as production would:
 * organization's `seed` (city: the real Ordos tree) or `import-divisions` (a generated CSV), then
 * personnel's `seed` (statisticians, posts, filings for every projected unit) and training's `seed`
 * (a year of sessions, enrolments, results), finance's and evaluation's `seed` (budget lines and payments
 * of every banner, subsidies; meetings, inspections, findings; src/generate/finance-evaluation.ts),
 * each after the events of the previous one arrived.
 * Every phase stops at the deadline; what it did by then is reported with its rate.
 */
export async function generate(
  bench: Bench,
  scaleName: keyof typeof SCALES,
  budgetSeconds: number,
): Promise<GenerateResult> {
  const scale = SCALES[scaleName];
  const started = Date.now();
  const deadline = started + budgetSeconds * 1000;
  const phases: PhaseResult[] = [];
  const startLoad = loadAverage();
  const drain = sampleDrain(bench);
  // Beyond the city: personnel's and training's seeds take their bulk path (same commands, staged, set-wise).
  const bulk = scaleName === "city" ? [] : ["--bulk", "true"];
  const env = (service: string) => ({ DATABASE_URL: bench.suite.databases[service].url });
  // At the larger scales one phase could take the whole budget: personnel's seed (which first waits for
  // organization's events) gets a third of it, training's seed the rest. Organization's import may use
  // all of it: it stages, checks and applies every row in one transaction, so an import cut off loads nothing
  // (a national run on a loaded machine, 2026-12-02, stopped it at 88 % and had no units at all).
  const share = (fraction: number) =>
    scaleName === "city" ? deadline : Math.min(deadline, Date.now() + fraction * budgetSeconds * 1000);

  if (scaleName === "city") {
    progress(
      "organization: seeding the Ordos tree (real divisions + sample villages, register counts, standard)",
    );
    phases.push(
      phaseOf(
        "organization seed",
        await runServiceTool("organization", "seed", [], env("organization"), deadline),
      ),
    );
  } else {
    const dir = join(tmpdir(), "grassroots-load-tests");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `divisions-${scaleName}.csv`);
    writeFileSync(file, divisionCsv(scale));
    const rows = scale.cities + scale.counties + scale.townships + scale.villages;
    progress(`organization: importing ${rows.toLocaleString("en")} generated divisions (${file})`);
    phases.push(
      phaseOf(
        "organization import-divisions",
        await runServiceTool(
          "organization",
          "import-divisions",
          ["--file", file, "--batch-size", "500"],
          env("organization"),
          deadline,
        ),
      ),
    );
  }
  if (bench.services.includes("personnel") && toolExists("personnel", "seed") && Date.now() < deadline) {
    // The wait has its own share: the seed's starts once the tree is there (a national run, 2026-12-02,
    // waited out the seed's whole share for it and seeded nobody).
    const waited = await waitForProjections(bench, "personnel", share(0.4));
    progress(`personnel: held the whole tree after ${waited} s more`);
    const until = share(0.35);
    const wait = Math.max(30, Math.round((until - Date.now()) / 2000));
    progress("personnel: seeding statisticians, posts and filings once organization's events have arrived");
    phases.push(
      phaseOf(
        "personnel seed",
        await runServiceTool(
          "personnel",
          "seed",
          ["--settle-seconds", "5", "--wait-seconds", String(wait), ...bulk],
          env("personnel"),
          until,
        ),
      ),
    );
  }
  if (bench.services.includes("training") && toolExists("training", "seed") && Date.now() < deadline) {
    const waited = await waitForProjections(bench, "training", share(0.5), true);
    progress(`training: held the tree and personnel's statisticians after ${waited} s more`);
    const wait = Math.max(30, Math.round((deadline - Date.now()) / 1000));
    progress(
      "training: seeding a year of sessions, enrolments and results once personnel's events have arrived",
    );
    phases.push(
      phaseOf(
        "training seed",
        await runServiceTool(
          "training",
          "seed",
          bulk,
          { ...env("training"), SEED_WAIT_SECONDS: String(wait) },
          deadline,
        ),
      ),
    );
  }
  let financeEvaluation: GenerateResult["financeEvaluation"];
  if (
    Date.now() < deadline &&
    (bench.services.includes("finance") || bench.services.includes("evaluation"))
  ) {
    const fe = await generateFinanceEvaluation(bench, scaleName === "city", deadline, env);
    phases.push(...fe.tools.map((run) => phaseOf(run.tool, run)));
    financeEvaluation = { cityLinePayments: fe.cityLinePayments, ruleStatuses: fe.ruleStatuses };
  }
  await bench.settle(`${scaleName} scale`, Math.max(10_000, deadline - Date.now()));
  const drained = await drain.stop();
  const counts = await scaleCounts(bench);
  const elapsedSeconds = seconds(Date.now() - started);
  progress(
    `${scaleName} scale generated in ${elapsedSeconds} s: ${JSON.stringify(counts.orgUnitsByDepth)}, ${counts.statisticians ?? "-"} statisticians`,
  );
  return {
    scale,
    budgetSeconds,
    phases,
    counts,
    financeEvaluation,
    drain: drained,
    loadAverage: { start: startLoad, end: loadAverage() },
    elapsedSeconds,
  };
}
