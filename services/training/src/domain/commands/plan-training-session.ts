import { badInput } from "@grassroots/kit/errors";
import { checkDate, checkInt, checkText, isUuid } from "@grassroots/kit/validation";
import { SessionPlanned } from "@grassroots/events/contracts";
import { randomUUID } from "node:crypto";
import type { TrainingPolicy } from "../access-policy";
import { describeUnit, ORGANIZER_KINDS } from "../directory";
import type { Transaction, UnitOfWork } from "../ports";
import { AUDIENCES, TRAINING_KINDS, type NewSession, type TrainingSession } from "../training";
import { type Retryable, publishSession, runSessionCommand } from "./common";

/** The session as the planner describes it; `place` and `online` may be left out, `id` only by the seed. */
export type PlanSessionInput = Omit<NewSession, "id" | "place" | "online" | "plannedBy" | "plannedByName"> &
  Partial<Pick<NewSession, "place" | "online">> & {
    /** Only the seed names the id (so a second run finds its sessions); otherwise random. */
    id?: string;
  };

export function planTrainingSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  input: PlanSessionInput & Retryable,
): Promise<TrainingSession> {
  return runSessionCommand(uow, "planTrainingSession", policy.actor.id, input, (tx) =>
    planTrainingSessionIn(tx, policy, input),
  );
}

/**
 * R6: a session planned by the city bureau or a banner/district bureau. Banner and district staff
 * (BANNER_STAFF) are trained by the city; a banner bureau trains its own grassroots staff.
 */
export async function planTrainingSessionIn(
  tx: Transaction,
  policy: TrainingPolicy,
  input: PlanSessionInput,
): Promise<TrainingSession> {
  const action = "plan training sessions";
  policy.requireManager(action);
  const organizer = isUuid(input.organizerUnitId) ? await tx.units.get(input.organizerUnitId) : undefined;
  policy.manage(organizer, action, { what: "Org unit", key: input.organizerUnitId });
  const checked = checkPlan(input);
  if (!ORGANIZER_KINDS.includes(organizer.kind)) {
    throw badInput(
      `Training is organised by the city bureau or a banner/district bureau; ${describeUnit(organizer)} is a ${organizer.kind}.`,
      "organizerUnitId",
    );
  }
  if (!organizer.active)
    throw badInput(
      `${describeUnit(organizer)} was deactivated; it cannot organise training.`,
      "organizerUnitId",
    );
  if (input.audience === "BANNER_STAFF" && organizer.kind !== "CITY") {
    throw badInput(
      "Banner and district statistics staff (BANNER_STAFF) are trained by the city bureau; a banner bureau trains GRASSROOTS_STAFF.",
      "audience",
    );
  }
  const session = await tx.sessions.insert({
    ...checked,
    id: input.id ?? randomUUID(),
    organizerUnitId: organizer.id,
    kind: input.kind,
    audience: input.audience,
    plannedBy: policy.actor.id,
    plannedByName: policy.actor.name,
  });
  await publishSession(tx, SessionPlanned, session, organizer);
  return session;
}

/** Step 3 (after the role and the organizer's area): the plan's own fields. */
function checkPlan(
  input: PlanSessionInput,
): Pick<NewSession, "title" | "startDate" | "endDate" | "hours" | "capacity" | "online" | "place"> {
  if (!TRAINING_KINDS.includes(input.kind))
    throw badInput(`kind must be one of ${TRAINING_KINDS.join(", ")}.`, "kind");
  if (!AUDIENCES.includes(input.audience))
    throw badInput(`audience must be one of ${AUDIENCES.join(", ")}.`, "audience");
  const title = checkText(input.title, "title", 200);
  const startDate = checkDate(input.startDate, "startDate");
  const endDate = checkDate(input.endDate, "endDate");
  if (endDate < startDate) throw badInput(`endDate ${endDate} is before startDate ${startDate}.`, "endDate");
  const hours = checkInt(input.hours, "hours", 1, 200);
  const capacity = checkInt(input.capacity, "capacity", 1, 2000);
  const online = input.online ?? false;
  const place = input.place?.trim() ? checkText(input.place, "place", 200) : null;
  if (!online && !place) throw badInput("A session in person needs a place (or set online: true).", "place");
  return { title, startDate, endDate, hours, capacity, online, place };
}
