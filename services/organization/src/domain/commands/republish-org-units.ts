import { OrgUnitStateRepublished } from "@grassroots/events/contracts";
import { orgUnitState } from "../../events/org-unit-events";
import type { ChangePolicy } from "../access-policy";
import { ORG_UNIT_KINDS } from "../org-unit";
import type { UnitOfWork } from "../ports";

/**
 * Publishes every unit's current state again (`OrgUnitStateRepublished`, active or not, parents first),
 * so a projection that lost its data or its offsets is rebuilt from the source: each projecting
 * service applies a state only when it is newer than its row, so a full projection ignores it.
 * Operators only (CITY_ADMIN or the command line). Returns how many units it republished.
 */
export async function republishOrgUnits(uow: UnitOfWork, policy: ChangePolicy): Promise<number> {
  policy.cityDecision("republish org units");
  return uow.run(async (tx) => {
    const units = await tx.ruleSubjects.unitsOfKinds(ORG_UNIT_KINDS);
    for (const unit of units) await tx.publish(OrgUnitStateRepublished, orgUnitState(unit));
    return units.length;
  });
}
