import { badInput } from "@grassroots/kit/errors";
import { checkInt, checkNotFuture, checkText, isUuid, type Clock } from "@grassroots/kit/validation";
import { bannerIdOf, describeUnit, isVillageLevel } from "@grassroots/org-projection/units";
import { randomUUID } from "node:crypto";
import type { FinancePolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";
import { inForceOn, TASK_KIND, type TaskRecord } from "../subsidy";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { checkPeriod } from "./subsidy-common";

export interface RecordTaskInput extends Retryable {
  statisticianId: string;
  unitId: string;
  taskKind: string;
  quantity: number;
  period: string;
  businessDate: string;
  evidenceRef: string;
  id?: string;
}

/**
 * R10: a task a statistician carried out in a village or community, recorded by the township clerk.
 * The person must hold a post in that unit on that date; the date may not be in the future; the
 * banner's standard in force that day must pay for the task kind.
 */
export function recordTask(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: RecordTaskInput,
): Promise<TaskRecord> {
  return runOncePerRequest(
    uow,
    "recordTask",
    policy.actor.id,
    input,
    async (tx) => {
      policy.requireRole("record subsidy tasks", "UNIT_CLERK");
      const unit = isUuid(input.unitId) ? await tx.units.get(input.unitId) : undefined;
      policy.requireInArea(unit, "Org unit", input.unitId, "unitId");
      if (!isVillageLevel(unit.kind))
        throw badInput(
          `Tasks are recorded for a village or community; ${describeUnit(unit)} is a ${unit.kind}.`,
          "unitId",
        );
      if (!TASK_KIND.test(input.taskKind))
        throw badInput(`taskKind must be a code such as HOUSEHOLD_LISTING.`, "taskKind");
      const quantity = checkInt(input.quantity, "quantity", 1, 100000);
      const period = checkPeriod(input.period);
      const date = checkNotFuture(input.businessDate, "businessDate", clock);
      if (!date.startsWith(period))
        throw badInput(`businessDate ${date} is outside the period ${period}.`, "businessDate");
      const evidenceRef = checkText(input.evidenceRef, "evidenceRef", 200);
      if (
        !isUuid(input.statisticianId) ||
        !(await tx.subsidies.holdsPost(input.statisticianId, unit.id, date))
      )
        throw badInput(
          `Statistician ${input.statisticianId} did not hold a post in ${describeUnit(unit)} on ${date}; record tasks for the people posted there.`,
          "statisticianId",
        );
      const bannerUnitId = bannerIdOf(unit.path)!;
      const standard = inForceOn(await tx.subsidies.standardsOf(bannerUnitId), date);
      if (!standard?.items.some((i) => i.taskKind === input.taskKind))
        throw badInput(
          `No subsidy standard of the banner in force on ${date} pays for ${input.taskKind}.`,
          "taskKind",
        );
      return tx.subsidies.insertTask({
        id: input.id ?? randomUUID(),
        statisticianId: input.statisticianId,
        unitId: unit.id,
        bannerUnitId,
        taskKind: input.taskKind,
        quantity,
        period,
        businessDate: date,
        evidenceRef,
        recordedBy: policy.actor.id,
        recordedByName: policy.actor.name,
      });
    },
    (t) => t.id,
    (tx, id) => tx.subsidies.getTask(id),
  );
}
