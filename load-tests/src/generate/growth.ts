import { orgUnitIdForCode } from "@grassroots/kit";
import { randomUUID } from "node:crypto";
import type { Caller } from "../driver/endpoint";
import { PARAMS } from "../scenarios/definitions";
import { chinaDate } from "../scenarios/template";
import { call, lineWithPayments } from "./api";
import { waitForRuleStatuses, type RuleStatusWait } from "./finance-evaluation";
import { progress, seconds } from "./progress";
import type { Bench } from "./suite";

/** Two banners more under the city, three townships with four villages each in the parameter banner (codes no real unit uses). */
export const EXTRA_BANNERS = [
  { code: "150628000000", name: "压测甲旗" },
  { code: "150629000000", name: "压测乙旗" },
];
export const EXTRA_TOWNSHIPS = ["391", "392", "393"].map((n, i) => ({
  segment: n,
  name: `压测${["一", "二", "三"][i]}乡`,
}));

const VILLAGES_PER_TOWNSHIP = 4;

export interface GrowthResult {
  banners: number;
  townships: number;
  villages: number;
  lines: number;
  payments: number;
  elapsedSeconds: number;
  ruleStatuses?: RuleStatusWait;
  /** Every new unit reached finance and evaluation, and evaluation has the R8 result of every line owner. */
  complete: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) until a service's org projection holds every id. */
async function waitForUnits(
  bench: Bench,
  service: string,
  ids: string[],
  timeoutMs: number,
): Promise<boolean> {
  const db = await bench.db(service);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM org_unit WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    if (rows[0].n === ids.length) return true;
    if (Date.now() > deadline) {
      progress(
        `growth: ${service} has ${rows[0].n} of the ${ids.length} new units after ${timeoutMs / 1000} s; going on`,
      );
      return false;
    }
    await sleep(500);
  }
}

/**
 * The larger data size of the data-size check, through the gateway as the users would make it: two
 * banners more under the city and three townships with four villages each in the parameter banner (organization; their
 * events reach finance, personnel and evaluation), then for every banner one more line with payments
 * (its finance officer; an instalment paid late, one short) and one line of the city for it, and the
 * wait for the new rule results in evaluation. (The city's table then has 32 of this year's lines,
 * within the scenario's page of 40.)
 */
export async function grow(bench: Bench): Promise<GrowthResult> {
  const started = Date.now();
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));
  const cityCode = String(PARAMS.cityCode);
  const bannerCode = String(PARAMS.bannerCode);
  const admin: Caller = { role: "CITY_ADMIN", home: cityCode };
  const result: GrowthResult = {
    banners: 0,
    townships: 0,
    villages: 0,
    lines: 0,
    payments: 0,
    elapsedSeconds: 0,
    complete: false,
  };
  const created: string[] = [];
  const unit = (code: string, name: string, parentId: string) =>
    call<{ createOrgUnit: { id: string } }>(bench.gateway, admin, "GenerateOrgUnit", {
      input: { requestId: randomUUID(), parentId, code, name },
    });
  for (const b of EXTRA_BANNERS) {
    created.push((await unit(b.code, b.name, orgUnitIdForCode(cityCode))).createOrgUnit.id);
    result.banners++;
  }
  for (const t of EXTRA_TOWNSHIPS) {
    const code = `${bannerCode.slice(0, 6)}${t.segment}000`;
    const township = (await unit(code, t.name, orgUnitIdForCode(bannerCode))).createOrgUnit.id;
    created.push(township);
    result.townships++;
    for (let v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
      const village = `${code.slice(0, 9)}${200 + v}`;
      created.push((await unit(village, `${t.name.slice(0, -1)}${v}村`, township)).createOrgUnit.id);
      result.villages++;
    }
  }
  progress(
    `growth: ${result.banners} banners, ${result.townships} townships and ${result.villages} villages created; waiting for finance's projection`,
  );
  const inFinance = await waitForUnits(bench, "finance", created, 60_000);

  const { orgUnitByCode: city } = await call<{
    orgUnitByCode: { children: { edges: { node: { id: string; code: string; kind: string } }[] } };
  }>(bench.gateway, admin, "GenerateUnit", { code: cityCode });
  const banners = city.children.edges
    .map((e) => e.node)
    .filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT");
  for (const [i, banner] of banners.entries()) {
    result.payments += await lineWithPayments(
      bench.gateway,
      {
        ownerCode: banner.code,
        year,
        purpose: i % 2 ? "SUBSIDIES" : "WORK_FUNDS",
        amount: "80000.00",
        schedule: "QUARTERLY",
        documentNumber: `压测财〔${year}〕${100 + i}号`,
        lateSeqs: { 2: 6 },
        shortSeqs: [1],
      },
      banner.id,
      today,
    );
    result.lines++;
    result.payments += await lineWithPayments(
      bench.gateway,
      {
        ownerCode: cityCode,
        year,
        purpose: "OTHER",
        purposeName: "统计调查专项补助",
        beneficiaryUnitId: banner.id,
        amount: "60000.00",
        schedule: "QUARTERLY",
        documentNumber: `鄂财行〔${year}〕${200 + i}号`,
        lateSeqs: { 3: 4 },
      },
      orgUnitIdForCode(cityCode),
      today,
    );
    result.lines++;
  }
  progress(`growth: ${result.lines} lines and ${result.payments} payments recorded; waiting for evaluation`);
  const inEvaluation = await waitForUnits(bench, "evaluation", created, 60_000);
  result.ruleStatuses = await waitForRuleStatuses(bench, year, 90_000);
  result.complete = inFinance && inEvaluation && result.ruleStatuses.settled;
  await bench.settle("growth", 60_000);
  result.elapsedSeconds = seconds(Date.now() - started);
  return result;
}
