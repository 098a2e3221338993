import { recognizeStandardizationIn } from "../commands/recognize-standardization";
import { recordAssessmentIn } from "../commands/record-assessment";
import { systemPolicy } from "../access-policy";
import type { Clock, UnitOfWork } from "../ports";
import type { ItemStatus } from "../standardization";
import { SAMPLE_STANDARD, stableFraction } from "./sample-data";

/**
 * R2 sample assessments under the sample standard, for last year and this year: a growing share of
 * townships assessed, some STANDARDIZED (last year's recognised in that year's batch), the others
 * short on a few items. Stable per unit: whether and how a township is assessed comes from its code.
 */

/** Shares by a township's fraction: assessed below the first, STANDARDIZED below the second. */
const SHARES = {
  lastYear: { assessed: 0.55, standardized: 0.25 },
  thisYear: { assessed: 0.75, standardized: 0.45 },
};

/** The region's recognition batch of a year (第6批 was 2023). */
export const recognitionBatch = (year: number): number => year - 2017;

const pad = (n: number) => String(n).padStart(2, "0");

/** Each item's status: all MET when standardized, else 1–4 items (chosen by the code) PARTLY_MET or NOT_MET. */
export function sampleItemStatuses(code: string, year: number, standardized: boolean): ItemStatus[] {
  const items = SAMPLE_STANDARD.items;
  if (standardized) return items.map(() => "MET");
  const short = 1 + Math.floor(stableFraction(`r2-short:${code}:${year}`) * 4);
  const order = [...items].sort(
    (a, b) => stableFraction(`${code}:${year}:${a.code}`) - stableFraction(`${code}:${year}:${b.code}`),
  );
  const missed = new Map(order.slice(0, short).map((item, i) => [item.code, i]));
  return items.map((item) => {
    const at = missed.get(item.code);
    return at === undefined ? "MET" : at % 2 === 0 ? "PARTLY_MET" : "NOT_MET";
  });
}

/** What the seed records for a township in a year: nothing, or whether it is standardized and when. */
export function samplePlan(
  code: string,
  year: number,
  thisYear: number,
  today: string,
): { standardized: boolean; assessedOn: string } | undefined {
  const share = year === thisYear ? SHARES.thisYear : SHARES.lastYear;
  const f = stableFraction(`r2:${code}`);
  if (f >= share.assessed) return undefined;
  const date = `${year}-${pad(4 + Math.floor(stableFraction(`r2-date:${code}`) * 6))}-15`;
  return { standardized: f < share.standardized, assessedOn: date > today ? today : date };
}

export interface StandardizationSeedReport {
  assessments: number;
  recognized: number;
}

/** Records the sample assessments missing for these townships (by code); a township assessed that year is left alone. */
export async function seedStandardization(
  uow: UnitOfWork,
  clock: Clock,
  townshipCodes: readonly string[],
  actor: string,
): Promise<StandardizationSeedReport> {
  const policy = systemPolicy(actor);
  const today = clock.today();
  const thisYear = Number(today.slice(0, 4));
  const report: StandardizationSeedReport = { assessments: 0, recognized: 0 };
  for (const code of townshipCodes) {
    for (const year of [thisYear - 1, thisYear]) {
      const plan = samplePlan(code, year, thisYear, today);
      if (!plan) continue;
      await uow.run(async (tx) => {
        const unit = await tx.units.getByCode(code);
        if (!unit || !unit.active) return;
        if ((await tx.ruleSubjects.latestAssessmentsPerYear(unit.id, year)).length > 0) return;
        const statuses = sampleItemStatuses(code, year, plan.standardized);
        const assessment = await recordAssessmentIn(tx, policy, clock, {
          orgUnitId: unit.id,
          standardCode: SAMPLE_STANDARD.code,
          standardVersion: SAMPLE_STANDARD.version,
          assessedOn: plan.assessedOn,
          items: SAMPLE_STANDARD.items.map((item, i) => ({
            itemCode: item.code,
            status: statuses[i],
            evidence: statuses[i] === "MET" ? "样例：现场核查记录" : "样例：现场核查发现不足",
          })),
        });
        report.assessments++;
        // last year's standardized townships were recognised in that year's batch; this year's await theirs
        if (plan.standardized && year < thisYear) {
          await recognizeStandardizationIn(tx, policy, {
            assessmentId: assessment.id,
            batch: recognitionBatch(year),
            year,
          });
          report.recognized++;
        }
      });
    }
  }
  return report;
}
