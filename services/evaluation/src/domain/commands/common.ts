import { assertVersion, notFoundInArea } from "@grassroots/kit/errors";
import type { Role } from "@grassroots/kit/identity";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { EvaluationPolicy } from "../access-policy";
import type { Assessment } from "../assessment";
import type { Transaction } from "../ports";
import type { AssessmentScheme } from "../scheme";

/** The roles that manage assessment schemes and assessments (of their own bureau). */
export const SCHEME_MANAGERS: Role[] = ["CITY_ADMIN", "BANNER_ADMIN"];

/** A scheme version and its owner, after the area and bureau steps (the role step is the caller's). */
export async function managedScheme(
  tx: Transaction,
  policy: EvaluationPolicy,
  schemeVersionId: string,
  action: string,
  field = "schemeVersionId",
): Promise<{ scheme: AssessmentScheme; owner: OrgUnitProjection }> {
  const scheme = await tx.schemes.get(schemeVersionId);
  const owner = scheme && (await tx.units.get(scheme.ownerUnitId));
  policy.requireVisible(owner, { what: "Assessment scheme", key: schemeVersionId, field });
  policy.requireBureauOf(owner!, action);
  return { scheme: scheme!, owner: owner! };
}

/** An assessment, locked, with its scheme version and owner, after the area, bureau and version steps. */
export async function managedAssessment(
  tx: Transaction,
  policy: EvaluationPolicy,
  input: { assessmentId: string; expectedVersion: number },
  action: string,
  checkInput: (a: { assessment: Assessment; scheme: AssessmentScheme }) => void | Promise<void> = () => {},
): Promise<{
  assessment: Assessment;
  scheme: AssessmentScheme;
  owner: OrgUnitProjection;
  subject: OrgUnitProjection;
}> {
  const assessment = await tx.assessments.lock(input.assessmentId);
  if (!assessment) throw notFoundInArea("Assessment", input.assessmentId, "assessmentId");
  const scheme = (await tx.schemes.get(assessment.schemeVersionId))!;
  // One after the other: a transaction's client runs one statement at a time (pg warns otherwise).
  const owner = await tx.units.get(scheme.ownerUnitId);
  const subject = await tx.units.get(assessment.subjectUnitId);
  policy.requireVisible(owner, { what: "Assessment", key: input.assessmentId, field: "assessmentId" });
  policy.requireBureauOf(owner!, action);
  await checkInput({ assessment, scheme });
  assertVersion(`Assessment ${assessment.id}`, assessment.version, input.expectedVersion);
  return { assessment, scheme, owner: owner!, subject: subject! };
}
