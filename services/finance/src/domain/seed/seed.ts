import { systemPolicy } from "../access-policy";
import { createAwardProgrammeIn } from "../commands/create-award-programme";
import { createBudgetLineIn } from "../commands/create-budget-line";
import { generateClaims } from "../commands/generate-claims";
import { recordDisbursementIn } from "../commands/record-disbursement";
import { recordTask } from "../commands/record-task";
import { setSubsidyStandard } from "../commands/set-subsidy-standard";
import { formatMoney, parseMoney } from "@grassroots/kit/validation";
import type { FinanceServices, OrgUnitRef } from "../ports";
import { seedClaimPayments } from "./seed-claims";
import { addDays, pick, seedId } from "./seed-ids";
import { ANNUAL_AMOUNT, PATTERNS, PROGRAMME_YEARS, SAMPLE_RULE, SAMPLE_STANDARD_ITEMS } from "./sample-data";

export interface SeedUnits {
  cities: OrgUnitRef[];
  banners: OrgUnitRef[];
  /** Village-level units with the people posted there (since when), a few per banner. */
  villages: { unit: OrgUnitRef; bannerId: string; posts: { statisticianId: string; startDate: string }[] }[];
}

export interface SeedReads {
  counts(): Promise<{ units: number; posts: number; claims: number }>;
  units(villagesPerBanner: number): Promise<SeedUnits>;
}

export interface SeedReport {
  programmes: number;
  lines: number;
  disbursements: number;
  standards: number;
  tasks: number;
  claims: number;
  /** R10: claims submitted, approved and paid in a batch by this run (a few are left DRAFT). */
  claimsPaid: number;
}

const ACTOR = "seed";
const policy = systemPolicy(ACTOR);

/** The city's 以奖代补 programme 2022–2024 with the sample rule, and its award line for each year. */
async function seedCity(services: FinanceServices, city: OrgUnitRef, report: SeedReport) {
  await services.uow.run(async (tx) => {
    const id = seedId("programme", city.id);
    if (await tx.awards.getProgramme(id)) return;
    await createAwardProgrammeIn(tx, policy, {
      id,
      cityUnitId: city.id,
      name: "基层统计工作以奖代补（样例规则）",
      firstYear: PROGRAMME_YEARS.first,
      lastYear: PROGRAMME_YEARS.last,
      annualAmount: ANNUAL_AMOUNT,
      rule: SAMPLE_RULE,
      isSample: true,
    });
    report.programmes++;
    for (let year = PROGRAMME_YEARS.first; year <= PROGRAMME_YEARS.last; year++) {
      await createBudgetLineIn(tx, policy, services.clock, {
        id: seedId("award-line", city.id, year),
        fiscalYear: year,
        ownerUnitId: city.id,
        purpose: "AWARD_PROGRAMME",
        classificationCode: "2010599",
        documentTitle: `${year}年基层统计工作以奖代补资金`,
        documentNumber: `财行〔${year}〕${10 + (year % 10)}号`,
        amount: ANNUAL_AMOUNT,
        schedule: { kind: "ONCE", dueDate: `${year}-09-30` },
      });
      report.lines++;
    }
  });
}

/** A banner's work-funds line of the year, paid by its pattern up to today: on time, a quarter late, or short. */
async function seedBanner(services: FinanceServices, banner: OrgUnitRef, year: number, report: SeedReport) {
  const { clock } = services;
  await services.uow.run(async (tx) => {
    const id = seedId("work-funds", banner.id, year);
    if (await tx.budgets.get(id)) return;
    const amount = formatMoney(parseMoney("200000.00", "amount") + BigInt(pick(banner.code, 5)) * 5_000_000n);
    const line = await createBudgetLineIn(tx, policy, clock, {
      id,
      fiscalYear: year,
      ownerUnitId: banner.id,
      purpose: "WORK_FUNDS",
      classificationCode: "2010505",
      documentTitle: `${year}年基层统计工作经费`,
      documentNumber: `${banner.name.slice(0, 2)}财行〔${year}〕${3 + pick(banner.code, 20)}号`,
      amount,
      schedule: { kind: "QUARTERLY" },
    });
    report.lines++;
    const pattern = PATTERNS[pick(banner.code, PATTERNS.length)];
    for (const instalment of line.instalments) {
      const late = pattern === "LATE" && instalment.seq === 1;
      const short = pattern === "SHORT" && instalment.seq === 1;
      const paidOn = late ? addDays(instalment.dueDate, 12) : addDays(instalment.dueDate, -5);
      if (paidOn > clock.today()) continue;
      const fen = short ? (instalment.amountFen * 6n) / 10n : instalment.amountFen;
      await recordDisbursementIn(tx, policy, clock, {
        id: seedId("payment", line.id, instalment.seq),
        lineId: line.id,
        instalmentSeq: instalment.seq,
        amount: formatMoney(fen),
        paidOn,
        voucherNumber: `记-${year}-${String(instalment.seq).padStart(3, "0")}`,
        payer: `${banner.name}财政局`,
      });
      report.disbursements++;
    }
  });
}

/**
 * The sample finance data, through the same commands as the API: per city the 以奖代补 programme
 * (2022–2024, sample rule) and its award lines; per banner a work-funds line of this year (some paid
 * late or short) and a sample subsidy standard; for a few villages per banner, this month's tasks of
 * the people posted there and the banner's claims for the month, most of them approved and paid in a
 * batch, some left DRAFT. (The award round waits for evaluation's results: seed-awards.) Stable per unit (ids from what a
 * record is) and idempotent: a second run adds nothing.
 */
export async function seedFinance(services: FinanceServices, reads: SeedReads): Promise<SeedReport> {
  const report: SeedReport = {
    programmes: 0,
    lines: 0,
    disbursements: 0,
    standards: 0,
    tasks: 0,
    claims: 0,
    claimsPaid: 0,
  };
  const today = services.clock.today();
  const year = Number(today.slice(0, 4));
  const { cities, banners, villages } = await reads.units(2);
  for (const city of cities) await seedCity(services, city, report);
  for (const banner of banners) await seedBanner(services, banner, year, report);
  // this month's first day: inside the year the sample standards start in
  const month = today.slice(0, 7);
  const date = `${month}-01`;
  for (const banner of banners) {
    const standardId = seedId("standard", banner.id);
    // a banner with any standard (the seed's, or its own) keeps it
    if (await services.uow.run(async (tx) => (await tx.subsidies.standardsOf(banner.id)).length > 0))
      continue;
    await setSubsidyStandard(services.uow, policy, {
      id: standardId,
      bannerUnitId: banner.id,
      effectiveFrom: `${year}-01-01`,
      documentTitle: `${banner.name}村级统计员工作补助标准（样例）`,
      documentNumber: `统发〔${year}〕${1 + pick(banner.code, 9)}号`,
      items: SAMPLE_STANDARD_ITEMS,
      isSample: true,
    });
    report.standards++;
  }
  for (const { unit, posts } of villages) {
    for (const post of posts) {
      if (post.startDate > date) continue;
      for (const [kind, quantity] of [
        ["MONTHLY_REPORT", 1],
        ["HOUSEHOLD_LISTING", 20 + pick(`${unit.code}${post.statisticianId}`, 40)],
      ] as const) {
        const id = seedId("task", post.statisticianId, unit.id, month, kind);
        if (await services.uow.run((tx) => tx.subsidies.getTask(id))) continue;
        await recordTask(services.uow, policy, services.clock, {
          id,
          statisticianId: post.statisticianId,
          unitId: unit.id,
          taskKind: kind,
          quantity,
          period: month,
          businessDate: date,
          evidenceRef: `样例台账-${unit.code}-${month}`,
        });
        report.tasks++;
      }
    }
  }
  const before = (await reads.counts()).claims;
  for (const banner of banners)
    await generateClaims(services.uow, policy, { bannerUnitId: banner.id, period: month });
  report.claims = (await reads.counts()).claims - before;
  for (const banner of banners) report.claimsPaid += await seedClaimPayments(services, banner, month);
  return report;
}
