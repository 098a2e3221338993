import { CommendationApproved, CommendationPublished } from "@grassroots/events/contracts";
import { assertVersion, badInput, notFoundInArea } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import type { EvaluationPolicy } from "../access-policy";
import type { Commendation } from "../commendation";
import { trimmed } from "../meeting";
import type { Transaction, UnitOfWork } from "../ports";

export interface DecideCommendationInput {
  commendationId: string;
  approve: boolean;
  reason?: string | null;
  expectedVersion: number;
}

const eventOf = (c: Commendation, status: "APPROVED" | "PUBLISHED") => ({
  commendationId: c.id,
  year: c.year,
  kind: c.kind,
  bannerUnitId: c.bannerUnitId,
  nomineeUnitId: c.nomineeUnitId,
  statisticianId: c.statisticianId,
  status,
});

/** R12: the city reviews a banner's recommendation: APPROVED (an event) or REJECTED with a reason (CITY_ADMIN). */
export async function decideCommendationIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: DecideCommendationInput,
): Promise<Commendation> {
  policy.requireRole("approve commendations", "CITY_ADMIN");
  const c = await tx.commendations.lock(input.commendationId);
  const banner = c && (await tx.units.get(c.bannerUnitId));
  policy.requireInArea(banner, { what: "Commendation", key: input.commendationId, field: "commendationId" });
  if (!c) throw notFoundInArea("Commendation", input.commendationId, "commendationId");
  if (c.status !== "RECOMMENDED")
    throw badInput(`Commendation ${c.id} is ${c.status}, not RECOMMENDED.`, "commendationId");
  const reason = input.approve ? null : trimmed(input.reason, "reason", 500);
  assertVersion(`Commendation ${c.id}`, c.version, input.expectedVersion);
  const decided = await tx.commendations.update(c.id, {
    status: input.approve ? "APPROVED" : "REJECTED",
    rejectionReason: reason,
    decidedBy: policy.actor.id,
    decidedByName: policy.actor.name,
    decidedAt: clock.now(),
  });
  if (input.approve) await tx.publish(CommendationApproved, eventOf(decided, "APPROVED"));
  return decided;
}

export const decideCommendation = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: DecideCommendationInput,
) => uow.run((tx) => decideCommendationIn(tx, policy, clock, input));

/** R12: the city publishes the year's approved commendations of its area (CITY_ADMIN). Returns them. */
export async function publishCommendationsIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: { year: number },
): Promise<Commendation[]> {
  policy.requireRole("publish commendations", "CITY_ADMIN");
  const approved = await tx.commendations.lockApproved(input.year, policy.homePath ?? "!");
  if (approved.length === 0) throw badInput(`No approved commendation of ${input.year} to publish.`, "year");
  const published: Commendation[] = [];
  for (const c of approved) {
    const p = await tx.commendations.update(c.id, { status: "PUBLISHED", publishedAt: clock.now() });
    await tx.publish(CommendationPublished, eventOf(p, "PUBLISHED"));
    published.push(p);
  }
  return published;
}

export const publishCommendations = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: { year: number },
) => uow.run((tx) => publishCommendationsIn(tx, policy, clock, input));
