import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { systemPolicy } from "../access-policy";
import { decideRectificationIn } from "../commands/decide-rectification";
import { defineAssessmentSchemeIn } from "../commands/define-assessment-scheme";
import { openAssessmentsIn } from "../commands/open-assessments";
import { publishAssessmentResultsIn } from "../commands/publish-assessment-results";
import { recordInspectionIn } from "../commands/record-inspection";
import { recordManualScoreIn } from "../commands/record-manual-score";
import { recordWorkMeetingIn } from "../commands/record-work-meeting";
import { reviewAssessmentIn } from "../commands/review-assessment";
import { scoreAssessmentIn } from "../commands/score-assessment";
import { submitRectificationIn } from "../commands/submit-rectification";
import type { EvaluationServices, SeedReads } from "../ports";
import { codeNumber, sampleBannerScheme, sampleCityScheme } from "./sample-schemes";

export interface SeedReport {
  year: number;
  schemes: number;
  meetings: number;
  inspections: number;
  published: number;
}

const policy = systemPolicy("seed");
const pad = (n: number) => String(n).padStart(2, "0");

/** The banner's sample meeting (stable per banner: its date from its code) and a problem for its first township. */
async function seedMeeting(
  services: EvaluationServices,
  reads: SeedReads,
  banner: OrgUnitProjection,
  townships: OrgUnitProjection[],
  year: number,
) {
  const minutesRef = `示例-${banner.code}-${year}`;
  if (await reads.meetingExists(banner.id, minutesRef)) return 0;
  const date = `${year}-${pad(3 + codeNumber(banner.code, 6))}-${pad(10 + codeNumber(banner.code, 15))}`;
  await services.uow.run((tx) =>
    recordWorkMeetingIn(tx, policy, services.clock, {
      holderUnitId: banner.id,
      meetingDate: date,
      kind: codeNumber(banner.code, 2) === 0 ? "EXECUTIVE" : "SPECIAL",
      chair: "分管副旗长",
      topics: ["统计基层基础建设", "统计人员配备"],
      studiedGrassrootsStatistics: true,
      minutesRef,
      problems: townships.slice(0, 1).map((t) => ({
        description: `${t.name}统计人员不足`,
        responsibleUnitId: t.id,
        dueDate: `${year}-12-31`,
      })),
    }),
  );
  return 1;
}

/** The banner's sample business assessment: a finding for its first township, rectified and accepted for every other banner. */
async function seedInspection(
  services: EvaluationServices,
  reads: SeedReads,
  banner: OrgUnitProjection,
  townships: OrgUnitProjection[],
  year: number,
) {
  const inspector = "示例：市统计局业务考核组";
  if (townships.length === 0 || (await reads.inspectionExists(banner.id, inspector))) return 0;
  const date = `${year}-09-${pad(1 + codeNumber(banner.code, 20))}`;
  await services.uow.run(async (tx) => {
    const { findings } = await recordInspectionIn(tx, policy, services.clock, {
      inspectedUnitId: banner.id,
      inspectionDate: date,
      kind: "BUSINESS_ASSESSMENT",
      inspector,
      summary: "统计基础工作考核",
      findings: [
        {
          category: "台账",
          severity: "MINOR",
          rule: "R3.township-staffing",
          description: "基础台账不全",
          deadline: `${year}-11-30`,
          responsibleUnitId: townships[0].id,
        },
      ],
    });
    if (codeNumber(banner.code, 2) === 1) {
      const submitted = await submitRectificationIn(tx, policy, services.clock, {
        findingId: findings[0].id,
        measures: "补齐台账",
        evidence: "台账扫描件",
        expectedVersion: findings[0].version,
      });
      await decideRectificationIn(tx, policy, services.clock, {
        findingId: submitted.id,
        accept: true,
        expectedVersion: submitted.version,
      });
    }
  });
  return 1;
}

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

/**
 * Last year's sample evaluation for the units in the projection, through the same commands as the
 * API: a sample city scheme for banners and a sample scheme per banner for its townships (isSample),
 * each banner's meeting, inspection and (for the city) published assessment. Stable per unit, and
 * idempotent: what is there is skipped.
 */
export async function seedEvaluation(services: EvaluationServices, reads: SeedReads): Promise<SeedReport> {
  const year = Number(services.clock.today().slice(0, 4)) - 1;
  const units = await reads.activeUnits();
  const report: SeedReport = { year, schemes: 0, meetings: 0, inspections: 0, published: 0 };
  for (const city of units.filter((u) => u.depth === 0)) {
    let scheme = await reads.sampleScheme(city.id, year);
    if (!scheme) {
      scheme = await services.uow.run((tx) =>
        defineAssessmentSchemeIn(tx, policy, services.clock, {
          ...sampleCityScheme(year),
          ownerUnitId: city.id,
          isSample: true,
        }),
      );
      report.schemes++;
    }
    for (const banner of units.filter((u) => u.depth === 1 && u.path.startsWith(city.path))) {
      if (!(await reads.sampleScheme(banner.id, year))) {
        await services.uow.run((tx) =>
          defineAssessmentSchemeIn(tx, policy, services.clock, {
            ...sampleBannerScheme(year, banner.name),
            ownerUnitId: banner.id,
            isSample: true,
          }),
        );
        report.schemes++;
      }
      const townships = units.filter((u) => u.depth === 2 && u.parentId === banner.id);
      report.meetings += await seedMeeting(services, reads, banner, townships, year);
      report.inspections += await seedInspection(services, reads, banner, townships, year);
    }
    report.published += await seedCityAssessments(services, reads, scheme.id);
  }
  return report;
}
