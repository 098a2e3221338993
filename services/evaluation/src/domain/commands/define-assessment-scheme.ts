import { AssessmentSchemeVersioned } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { depthOfPath } from "@grassroots/org-projection/units";
import { randomUUID } from "node:crypto";
import { schemeVersionedData } from "../../events/assessment-events";
import type { EvaluationPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import { checkSchemeHeader, schemeDefinitionOf, type AssessmentScheme, type SchemeInput } from "../scheme";
import { runOncePerRequest } from "@grassroots/kit/idempotency";
import { SCHEME_MANAGERS } from "./common";

export interface DefineSchemeInput extends SchemeInput {
  ownerUnitId: string;
  isSample?: boolean;
}

/**
 * R12: a new assessment scheme, version 1, owned by the caller's bureau (the city for banners, a
 * banner for its grassroots units). Its subject kinds must lie below the owner's level.
 */
export function defineAssessmentSchemeIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  _clock: Clock,
  input: DefineSchemeInput,
): Promise<AssessmentScheme> {
  return writeSchemeVersion(tx, policy, input, { schemeId: randomUUID(), version: 1 });
}

/** The API's form: retryable with a client requestId; the result is the scheme version. */
export const defineAssessmentScheme = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: DefineSchemeInput & { requestId?: string },
) =>
  runOncePerRequest(
    uow,
    "defineAssessmentScheme",
    policy.actor.id,
    input,
    (tx) => defineAssessmentSchemeIn(tx, policy, clock, input),
    (s) => s.id,
    (tx, id) => tx.schemes.get(id),
  );

/** What defining and revising share: the owner's steps, the checked definition, the insert and the event. */
export async function writeSchemeVersion(
  tx: Transaction,
  policy: EvaluationPolicy,
  input: DefineSchemeInput,
  at: { schemeId: string; version: number },
): Promise<AssessmentScheme> {
  policy.requireRole("define assessment schemes", ...SCHEME_MANAGERS);
  const owner = await tx.units.get(input.ownerUnitId);
  policy.requireVisible(owner, { what: "Org unit", key: input.ownerUnitId, field: "ownerUnitId" });
  policy.requireBureauOf(owner!, "define its assessment schemes");
  const { name, subjectKinds } = checkSchemeHeader(input);
  const definition = schemeDefinitionOf(input);
  const ownerDepth = depthOfPath(owner!.path);
  if (ownerDepth >= 2)
    throw badInput("Only the city and the banners and districts own assessment schemes.", "ownerUnitId");
  const tooHigh = subjectKinds.find((k) =>
    ownerDepth === 0 ? k === "CITY" : ["CITY", "DISTRICT", "BANNER"].includes(k),
  );
  if (tooHigh) throw badInput(`subjectKinds: ${tooHigh} units are not below the owner.`, "subjectKinds");
  const scheme = await tx.schemes.insert({
    id: randomUUID(),
    schemeId: at.schemeId,
    version: at.version,
    ownerUnitId: owner!.id,
    name,
    year: input.year,
    subjectKinds,
    cutOffDate: input.cutOffDate,
    definition,
    isSample: input.isSample ?? false,
    createdBy: policy.actor.id,
    createdByName: policy.actor.name,
  });
  await tx.publish(AssessmentSchemeVersioned, schemeVersionedData(scheme, owner!));
  return scheme;
}
