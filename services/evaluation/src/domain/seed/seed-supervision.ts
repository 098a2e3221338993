import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { systemPolicy } from "../access-policy";
import { changeProblemStatusIn } from "../commands/change-problem-status";
import { decideRectificationIn } from "../commands/decide-rectification";
import { recordInspectionIn } from "../commands/record-inspection";
import { recordWorkMeetingIn } from "../commands/record-work-meeting";
import { submitRectificationIn } from "../commands/submit-rectification";
import type { EvaluationServices, SeedReads } from "../ports";
import { codeNumber } from "./sample-schemes";

/**
 * A banner's sample meeting and inspection of a year (R11, R13), each with a gap chosen by the
 * banner's code: a third of the banners let their problem or finding run past its date, a third
 * resolve or rectify it, the rest have it open and not yet due. Dates never after today.
 */

export const SEED_ACTOR = "seed";
const policy = systemPolicy(SEED_ACTOR);
const pad = (n: number) => String(n).padStart(2, "0");
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const notAfter = (date: string, today: string) => (date > today ? today : date);

/** The banner's gap of the year: OVERDUE (past its date, still open), DONE (resolved, rectified) or OPEN (not yet due). */
export type SampleGap = "OVERDUE" | "DONE" | "OPEN";
export const sampleGap = (bannerCode: string): SampleGap =>
  (["OVERDUE", "DONE", "OPEN"] as const)[codeNumber(bannerCode, 3)];

/** Whether the banner resolved its problem (rectified its finding): DONE, or OPEN once its year is over. */
const settled = (gap: SampleGap, year: number, today: string) =>
  gap === "DONE" || (gap === "OPEN" && `${year}-12-31` < today);

/** The banner's meeting of the year (date from its code) and a problem for its first township. */
export async function seedMeeting(
  services: EvaluationServices,
  reads: SeedReads,
  banner: OrgUnitProjection,
  townships: OrgUnitProjection[],
  year: number,
): Promise<number> {
  const minutesRef = `示例-${banner.code}-${year}`;
  if (await reads.meetingExists(banner.id, minutesRef)) return 0;
  const today = services.clock.today();
  const date = notAfter(
    `${year}-${pad(3 + codeNumber(banner.code, 6))}-${pad(10 + codeNumber(banner.code, 15))}`,
    today,
  );
  const gap = sampleGap(banner.code);
  // an overdue problem was due a month after the meeting; the others by the end of the year
  const dueDate = gap === "OVERDUE" && addDays(date, 30) < today ? addDays(date, 30) : `${year}-12-31`;
  await services.uow.run(async (tx) => {
    const { problems } = await recordWorkMeetingIn(tx, policy, services.clock, {
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
        dueDate,
      })),
    });
    for (const problem of settled(gap, year, today) ? problems : []) {
      await changeProblemStatusIn(tx, policy, services.clock, {
        problemId: problem.id,
        status: "RESOLVED",
        resolution: "已配备专职统计员",
        evidence: "示例：任命文件",
        resolvedOn: notAfter(addDays(date, 20), today),
        expectedVersion: problem.version,
      });
    }
  });
  return 1;
}

/** The banner's business assessment of the year: a finding for its first township, rectified, overdue or open by its gap. */
export async function seedInspection(
  services: EvaluationServices,
  reads: SeedReads,
  banner: OrgUnitProjection,
  townships: OrgUnitProjection[],
  year: number,
): Promise<number> {
  const inspector = "示例：市统计局业务考核组";
  if (townships.length === 0 || (await reads.inspectionExists(banner.id, inspector, year))) return 0;
  const today = services.clock.today();
  const date = notAfter(
    `${year}-${pad(5 + codeNumber(banner.code, 4))}-${pad(1 + codeNumber(banner.code, 20))}`,
    today,
  );
  const gap = sampleGap(banner.code);
  // an overdue finding had six weeks; a rectified one two months; an open one the rest of the year
  const deadline =
    gap === "OVERDUE" ? addDays(date, 45) : gap === "DONE" ? addDays(date, 60) : `${year}-12-31`;
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
          deadline,
          responsibleUnitId: townships[0].id,
        },
      ],
    });
    if (settled(gap, year, today)) {
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
