import { orgUnitIdForCode } from "@grassroots/kit";
import { PARAMS } from "../scenarios/definitions";
import { chinaDate } from "../scenarios/template";
import { lineWithPayments } from "./api";
import { progress, seconds } from "./progress";
import type { Bench } from "./suite";
import { runServiceTool, toolExists, type ToolRun } from "./tools";

const R8 = "R8.funds-on-time-in-full";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The city's work-funds line of this year (finance's seed gives the city only its award lines of past years). */
export async function cityWorkFunds(bench: Bench, today: string): Promise<number> {
  const cityCode = String(PARAMS.cityCode);
  const year = Number(today.slice(0, 4));
  return lineWithPayments(
    bench.gateway,
    {
      ownerCode: cityCode,
      year,
      purpose: "WORK_FUNDS",
      amount: "1200000.00",
      schedule: "MONTHLY",
      documentNumber: `鄂财行〔${year}〕8号`,
      lateSeqs: { 5: 9 },
      shortSeqs: [8],
    },
    orgUnitIdForCode(cityCode),
    today,
  );
}

export interface RuleStatusWait {
  /** Owners of this year's budget lines in finance, and how many of them have their R8 result in evaluation. */
  owners: number;
  r8Projected: number;
  /** Rule results in evaluation's projection when the wait ended. */
  ruleStatuses: number;
  waitedSeconds: number;
  settled: boolean;
}

/**
 * Waits (bounded) until evaluation holds finance's R8 result for every owner of this year's lines and
 * its rule-status projection stopped growing (three equal readings, one per second): the other
 * services' results reach it only by events.
 */
export async function waitForRuleStatuses(
  bench: Bench,
  year: number,
  timeoutMs: number,
): Promise<RuleStatusWait> {
  const started = Date.now();
  const finance = await bench.db("finance");
  const evaluation = await bench.db("evaluation");
  let last = "";
  let same = 0;
  let reading = { owners: 0, r8Projected: 0, ruleStatuses: 0 };
  for (;;) {
    const owners = (
      await finance.query(
        `SELECT DISTINCT owner_unit_id::text AS id FROM budget_line WHERE fiscal_year = $1`,
        [year],
      )
    ).rows.map((r: { id: string }) => r.id);
    const [row] = (
      await evaluation.query(
        `SELECT (SELECT count(*)::int FROM rule_status) AS total,
                (SELECT count(*)::int FROM rule_status WHERE rule = $1 AND period = $2 AND subject_unit_id = ANY($3::uuid[])) AS r8`,
        [R8, String(year), owners],
      )
    ).rows;
    reading = { owners: owners.length, r8Projected: row.r8, ruleStatuses: row.total };
    const now = JSON.stringify(reading);
    same = now === last ? same + 1 : 0;
    last = now;
    const settled = reading.owners > 0 && reading.r8Projected >= reading.owners && same >= 2;
    if (settled || Date.now() - started > timeoutMs) {
      const waitedSeconds = seconds(Date.now() - started);
      progress(
        `evaluation: ${reading.ruleStatuses} rule results, R8 for ${reading.r8Projected}/${reading.owners} owners of ${year}'s lines${settled ? "" : " (still arriving: going on)"} after ${waitedSeconds} s`,
      );
      return { ...reading, waitedSeconds, settled };
    }
    await sleep(1000);
  }
}

export interface FinanceEvaluationPhase {
  tools: ToolRun[];
  cityLinePayments: number;
  ruleStatuses?: RuleStatusWait;
}

/**
 * Finance's and evaluation's data, after personnel's and training's seeds: finance's `seed` (the
 * programme, a work-funds line per banner paid on time, late or short, subsidy standards, tasks,
 * claims), at city scale the city's own line of this year through the API, evaluation's `seed`
 * (meetings, inspections with findings, last year's published assessment), then the wait for the
 * rule results to reach evaluation.
 */
export async function generateFinanceEvaluation(
  bench: Bench,
  cityScale: boolean,
  deadline: number,
  env: (service: string) => Record<string, string>,
): Promise<FinanceEvaluationPhase> {
  const phase: FinanceEvaluationPhase = { tools: [], cityLinePayments: 0 };
  const wait = () => String(Math.max(30, Math.round((deadline - Date.now()) / 2000)));
  const today = chinaDate(new Date());
  if (bench.services.includes("finance") && toolExists("finance", "seed") && Date.now() < deadline) {
    progress("finance: seeding the programme, every banner's budget line and payments, subsidies");
    phase.tools.push(
      await runServiceTool("finance", "seed", [], { ...env("finance"), SEED_WAIT_SECONDS: wait() }, deadline),
    );
    if (cityScale) {
      progress("finance: the city's work-funds line of this year and its payments, through the gateway");
      phase.cityLinePayments = await cityWorkFunds(bench, today);
    }
  }
  if (bench.services.includes("evaluation") && toolExists("evaluation", "seed") && Date.now() < deadline) {
    progress("evaluation: seeding meetings, inspections and findings, last year's assessment");
    phase.tools.push(
      await runServiceTool(
        "evaluation",
        "seed",
        [],
        { ...env("evaluation"), SEED_WAIT_SECONDS: wait() },
        deadline,
      ),
    );
  }
  if (bench.services.includes("evaluation") && bench.services.includes("finance"))
    phase.ruleStatuses = await waitForRuleStatuses(
      bench,
      Number(today.slice(0, 4)),
      Math.max(10_000, Math.min(120_000, deadline - Date.now())),
    );
  return phase;
}
