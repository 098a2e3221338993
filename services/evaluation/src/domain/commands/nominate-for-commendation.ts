import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { POST_KINDS } from "@grassroots/org-projection/units";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import { requireWithinQuota, type Commendation, type CommendationKind } from "../commendation";
import { trimmed } from "../meeting";
import type { Transaction, UnitOfWork } from "../ports";
import { runOncePerRequest } from "@grassroots/kit/idempotency";

export interface NominationInput {
  year: number;
  bannerUnitId: string;
  kind: CommendationKind;
  /** UNIT: the unit, which must have a published assessment of the year. */
  unitId?: string | null;
  /** INDIVIDUAL: an active statistician with a post in the banner. */
  statisticianId?: string | null;
  citation: string;
}

/**
 * R12: a banner's bureau recommends a unit (from its published assessment of the year) or an active
 * statistician of its area for commendation, within the city's quota for the banner, year and kind.
 * A unit or person outside the banner is refused as one that does not exist there.
 */
export async function nominateForCommendationIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: NominationInput,
): Promise<Commendation> {
  policy.requireRole("nominate for commendation", "BANNER_ADMIN");
  const banner = await tx.units.get(input.bannerUnitId);
  policy.requireVisible(banner, { what: "Org unit", key: input.bannerUnitId, field: "bannerUnitId" });
  policy.requireBureauOf(banner!, "nominate for its commendations");
  const today = clock.today();
  let nomineeUnitId: string;
  let assessmentId: string | null = null;
  if (input.kind === "UNIT") {
    const key = input.unitId ?? "";
    const unit = key ? await tx.units.get(key) : undefined;
    if (!unit || !unit.path.startsWith(banner!.path) || unit.id === banner!.id)
      throw notFoundInArea("Org unit", key, "unitId");
    const assessed = await tx.assessments.publishedOf(unit.id, input.year);
    if (!assessed)
      throw badInput(
        `${unit.name} has no published assessment of ${input.year} to be nominated from.`,
        "unitId",
      );
    nomineeUnitId = unit.id;
    assessmentId = assessed.assessmentId;
  } else {
    const key = input.statisticianId ?? "";
    const posts = key
      ? (await tx.statisticians.activePosts(key, today)).filter((p) => p.orgUnitPath.startsWith(banner!.path))
      : [];
    if (posts.length === 0) throw notFoundInArea("Statistician", key, "statisticianId");
    nomineeUnitId = posts[0].orgUnitId;
  }
  const citation = trimmed(input.citation, "citation", 1000)!;
  const nomineeKey = input.kind === "UNIT" ? nomineeUnitId : input.statisticianId!;
  if (await tx.commendations.existing(input.year, input.kind, nomineeKey)) {
    throw badInput(
      `Already nominated for ${input.year}.`,
      input.kind === "UNIT" ? "unitId" : "statisticianId",
    );
  }
  const quota = await tx.commendations.lockQuota(input.year, banner!.id, input.kind);
  const base =
    input.kind === "UNIT"
      ? (await tx.units.below(banner!.path, POST_KINDS)).filter((u) => u.depth === 2).length
      : await tx.statisticians.staffCount(banner!.path, today);
  requireWithinQuota(quota, base, await tx.commendations.countNominated(input.year, banner!.id, input.kind));
  return tx.commendations.insert({
    id: randomUUID(),
    year: input.year,
    kind: input.kind,
    bannerUnitId: banner!.id,
    nomineeUnitId,
    statisticianId: input.kind === "INDIVIDUAL" ? input.statisticianId! : null,
    assessmentId,
    citation,
    recommendedBy: policy.actor.id,
    recommendedByName: policy.actor.name,
  });
}

/** The API's form: retryable with a client requestId; the result is the nomination. */
export const nominateForCommendation = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: NominationInput & { requestId?: string },
) =>
  runOncePerRequest(
    uow,
    "nominateForCommendation",
    policy.actor.id,
    input,
    (tx) => nominateForCommendationIn(tx, policy, clock, input),
    (c) => c.id,
    (tx, id) => tx.commendations.lock(id),
  );
