import { assertVersion } from "@grassroots/kit/errors";
import { validateRule } from "../../rules/r9-award-allocation";
import type { FinancePolicy } from "../access-policy";
import { parseRule, ruleData, type AwardProgramme, type RuleData } from "../award";
import type { UnitOfWork } from "../ports";
import { programmeInArea } from "./award-common";

export interface SetAllocationRuleInput {
  programmeId: string;
  expectedVersion: number;
  rule: RuleData;
  isSample?: boolean;
}

/**
 * R9: a new version of the programme's allocation rule (the earlier ones stay; a round keeps the
 * version it was computed with). Refused when it cannot be satisfied.
 */
export function setAllocationRule(
  uow: UnitOfWork,
  policy: FinancePolicy,
  input: SetAllocationRuleInput,
): Promise<AwardProgramme> {
  return uow.run(async (tx) => {
    policy.requireRole("manage the award programme", "CITY_ADMIN");
    const { programme, city } = await programmeInArea(tx, policy, input.programmeId);
    const rule = parseRule(input.rule);
    validateRule(rule, programme.annualAmountFen, (await tx.units.countyUnitsOf(city.id)).length);
    assertVersion(`Award programme ${programme.name}`, programme.version, input.expectedVersion);
    return tx.awards.addRuleVersion(programme.id, ruleData(rule), input.isSample ?? false, policy.actor);
  });
}
