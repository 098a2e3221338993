import { assertVersion, badInput, notFoundInArea } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import type { EvaluationPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import { checkSchemeHeader, schemeDefinitionOf, type AssessmentScheme, type SchemeInput } from "../scheme";
import { SCHEME_MANAGERS } from "./common";
import { writeSchemeVersion } from "./define-assessment-scheme";

export interface ReviseSchemeInput extends SchemeInput {
  schemeId: string;
  /** The latest version the client edited: a newer one is CONFLICT. */
  expectedVersion: number;
}

/**
 * R12: a scheme is never edited — a change is its next version (the earlier one stays, with the
 * assessments opened under it). Owner and year stay the scheme's.
 */
export async function reviseAssessmentSchemeIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  _clock: Clock,
  input: ReviseSchemeInput,
): Promise<AssessmentScheme> {
  policy.requireRole("revise assessment schemes", ...SCHEME_MANAGERS);
  const latest = await tx.schemes.lockLatest(input.schemeId);
  const owner = latest && (await tx.units.get(latest.ownerUnitId));
  policy.requireVisible(owner, { what: "Assessment scheme", key: input.schemeId, field: "schemeId" });
  if (!latest) throw notFoundInArea("Assessment scheme", input.schemeId, "schemeId");
  policy.requireBureauOf(owner!, "revise its assessment schemes");
  if (input.year !== latest.year)
    throw badInput(`year stays ${latest.year}: a scheme's versions are of one year.`, "year");
  checkSchemeHeader(input);
  schemeDefinitionOf(input);
  assertVersion(`Assessment scheme ${input.schemeId}`, latest.version, input.expectedVersion);
  return writeSchemeVersion(
    tx,
    policy,
    { ...input, ownerUnitId: latest.ownerUnitId, isSample: latest.isSample },
    {
      schemeId: latest.schemeId,
      version: latest.version + 1,
    },
  );
}

export const reviseAssessmentScheme = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: ReviseSchemeInput,
) => uow.run((tx) => reviseAssessmentSchemeIn(tx, policy, clock, input));
