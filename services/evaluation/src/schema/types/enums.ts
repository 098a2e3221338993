import { RuleIds, RuleStatuses } from "@grassroots/events/contracts";
import { registerEnumType } from "type-graphql";

export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ComplianceStatusEnum = enumOf(RuleStatuses);

registerEnumType(ComplianceStatusEnum, {
  name: "ComplianceStatus",
  description:
    "A rule's result for a unit: MET, NOT_MET, NOT_APPLICABLE (the rule does not apply to it), UNKNOWN (figures missing; counts as not met).",
});

/** Rule ids ("R3.township-staffing") are strings on the wire: GraphQL enum values cannot hold dots. */
export const RULE_IDS_TEXT = RuleIds.join(", ");
