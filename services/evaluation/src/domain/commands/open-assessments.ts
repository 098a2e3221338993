import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import type { Assessment } from "../assessment";
import type { Transaction, UnitOfWork } from "../ports";
import { managedScheme, SCHEME_MANAGERS } from "./common";

/**
 * R12: opens a DRAFT assessment under a scheme version for every active unit of its kinds below the
 * owner that has none yet (run again after a unit was added: only the new one is opened). Opening
 * puts the version in use. Refused when another version of the scheme is already in use.
 */
export async function openAssessmentsIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  _clock: Clock,
  input: { schemeVersionId: string },
): Promise<Assessment[]> {
  policy.requireRole("open assessments", ...SCHEME_MANAGERS);
  const { scheme, owner } = await managedScheme(tx, policy, input.schemeVersionId, "open its assessments");
  const latest = (await tx.schemes.lockLatest(scheme.schemeId))!;
  if (latest.id !== scheme.id && !(await tx.schemes.inUse(scheme.id))) {
    throw badInput(
      `Version ${scheme.version} was replaced by version ${latest.version}: open that one.`,
      "schemeVersionId",
    );
  }
  const subjects = await tx.units.below(owner.path, scheme.subjectKinds);
  const opened = new Set((await tx.assessments.lockCurrent(scheme.id)).map((a) => a.subjectUnitId));
  const made: Assessment[] = [];
  for (const subject of subjects.filter((s) => !opened.has(s.id))) {
    made.push(
      await tx.assessments.insert({
        id: randomUUID(),
        schemeVersionId: scheme.id,
        subjectUnitId: subject.id,
        revision: 1,
        supersedesId: null,
        correctionReason: null,
        status: "DRAFT",
      }),
    );
  }
  return made;
}

export const openAssessments = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: { schemeVersionId: string },
) => uow.run((tx) => openAssessmentsIn(tx, policy, clock, input));
