import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { systemPolicy } from "../access-policy";
import { defineAssessmentSchemeIn } from "../commands/define-assessment-scheme";
import { openAssessmentsIn } from "../commands/open-assessments";
import { publishAssessmentResultsIn } from "../commands/publish-assessment-results";
import { recordManualScoreIn } from "../commands/record-manual-score";
import { reviewAssessmentIn } from "../commands/review-assessment";
import { scoreAssessmentIn } from "../commands/score-assessment";
import type { EvaluationServices, SeedReads } from "../ports";
import { codeNumber, sampleBannerScheme, sampleCityScheme } from "./sample-schemes";
import { SEED_ACTOR, seedInspection, seedMeeting } from "./seed-supervision";

export interface SeedReport {
  /** Last year: schemes, meetings, inspections and the city's published assessment. */
  year: number;
  /** This year: meetings and inspections. */
  thisYear: number;
  /** Further years whose city assessment is published (what finance's award programme needs). */
  assessmentYears: number[];
  schemes: number;
  meetings: number;
  inspections: number;
  published: number;
}

export interface SeedOptions {
  /** Years besides last year whose city assessment of the banners is published (finance's programme years). */
  assessmentYears?: readonly number[];
}

const policy = systemPolicy(SEED_ACTOR);

/** The city's sample scheme scored, reviewed and published (manual scores stable per banner). */
async function seedCityAssessments(services: EvaluationServices, reads: SeedReads, schemeVersionId: string) {
  if (await reads.resultPublished(schemeVersionId)) return 0;
  return services.uow.run(async (tx) => {
    await openAssessmentsIn(tx, policy, services.clock, { schemeVersionId });
    for (const a of await tx.assessments.lockCurrent(schemeVersionId)) {
      const unit = (await tx.units.get(a.subjectUnitId))!;
      let current =
        a.status === "DRAFT"
          ? await scoreAssessmentIn(tx, policy, services.clock, {
              assessmentId: a.id,
              expectedVersion: a.version,
            })
          : a;
      current = await recordManualScoreIn(tx, policy, services.clock, {
        assessmentId: a.id,
        indicatorCode: "M1",
        score: String(60 + codeNumber(unit.code, 41)),
        evidence: "示例：台账抽查记录",
        comment: "示例评分",
        expectedVersion: current.version,
      });
      await reviewAssessmentIn(tx, policy, services.clock, {
        assessmentId: a.id,
        expectedVersion: current.version,
      });
    }
    await publishAssessmentResultsIn(tx, policy, services.clock, { schemeVersionId });
    return 1;
  });
}

/** The owner's sample scheme of the year, defined unless there; counts what it defined. */
async function ensureScheme(
  services: EvaluationServices,
  reads: SeedReads,
  owner: OrgUnitProjection,
  year: number,
  report: SeedReport,
) {
  const existing = await reads.sampleScheme(owner.id, year);
  if (existing) return existing;
  report.schemes++;
  const input = owner.depth === 0 ? sampleCityScheme(year) : sampleBannerScheme(year, owner.name);
  return services.uow.run((tx) =>
    defineAssessmentSchemeIn(tx, policy, services.clock, { ...input, ownerUnitId: owner.id, isSample: true }),
  );
}

/**
 * The sample evaluation for the units in the projection, through the same commands as the API:
 * last year a sample city scheme for banners and a sample scheme per banner for its townships
 * (isSample), published for the city; last year and this year each banner's meeting and inspection
 * (some problems and findings overdue); the city's published assessment of any further year asked
 * for (finance's programme years). Stable per unit, and idempotent: what is there is skipped.
 */
export async function seedEvaluation(
  services: EvaluationServices,
  reads: SeedReads,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const thisYear = Number(services.clock.today().slice(0, 4));
  const year = thisYear - 1;
  const assessmentYears = [...new Set(options.assessmentYears ?? [])].filter((y) => y !== year).sort();
  const units = await reads.activeUnits();
  const report: SeedReport = {
    year,
    thisYear,
    assessmentYears,
    schemes: 0,
    meetings: 0,
    inspections: 0,
    published: 0,
  };
  for (const city of units.filter((u) => u.depth === 0)) {
    const scheme = await ensureScheme(services, reads, city, year, report);
    for (const banner of units.filter((u) => u.depth === 1 && u.path.startsWith(city.path))) {
      await ensureScheme(services, reads, banner, year, report);
      const townships = units.filter((u) => u.depth === 2 && u.parentId === banner.id);
      for (const y of [year, thisYear]) {
        report.meetings += await seedMeeting(services, reads, banner, townships, y);
        report.inspections += await seedInspection(services, reads, banner, townships, y);
      }
    }
    report.published += await seedCityAssessments(services, reads, scheme.id);
    for (const y of assessmentYears) {
      const earlier = await ensureScheme(services, reads, city, y, report);
      report.published += await seedCityAssessments(services, reads, earlier.id);
    }
  }
  return report;
}
