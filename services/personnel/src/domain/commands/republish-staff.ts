import { AssignmentStateRepublished, StatisticianStateRepublished } from "@grassroots/events/contracts";
import { assignmentState } from "../../events/assignment-events";
import { statisticianState } from "../../events/statistician-events";
import type { PersonnelPolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";

/**
 * Publishes every person's and every post's current state again (StatisticianStateRepublished,
 * AssignmentStateRepublished), so training's, finance's and evaluation's projections of who serves where
 * can be rebuilt after they lost them; each applies a state only when it is newer than its row. Never
 * an ID number or a phone (the states have no field for them). Operators only.
 */
export async function republishStaff(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
): Promise<{ statisticians: number; assignments: number }> {
  policy.cityDecision("republish staff");
  return uow.run(async (tx) => {
    const ids = await tx.statisticians.allIds();
    for (const id of ids) {
      const person = await tx.statisticians.get(id);
      if (person) await tx.publish(StatisticianStateRepublished, statisticianState(person));
    }
    const posts = await tx.assignments.ofPeople(ids);
    const units = new Map(
      (await tx.units.getMany([...new Set(posts.map((p) => p.orgUnitId))])).map((u) => [u.id, u]),
    );
    for (const post of posts) {
      const unit = units.get(post.orgUnitId);
      if (unit) await tx.publish(AssignmentStateRepublished, assignmentState(post, unit.path));
    }
    return { statisticians: ids.length, assignments: posts.length };
  });
}
