import { RuleStatuses } from "@grassroots/events/contracts";
import { registerEnumType } from "type-graphql";
import { LEVELS, PURPOSES, SCHEDULE_KINDS } from "../../domain/budget";
import { INSTALMENT_STATUSES } from "../../rules/r8-funds-on-time-in-full";
import { RULE_KINDS } from "../../rules/r9-award-allocation";
import { ROUND_STATUSES } from "../../domain/award";
import { CLAIM_STATUSES } from "../../domain/subsidy";

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const BudgetLevelEnum = enumOf(LEVELS);
registerEnumType(BudgetLevelEnum, {
  name: "BudgetLevel",
  description: "Whose budget: the city's or a banner's.",
});
export const PurposeEnum = enumOf(PURPOSES);
registerEnumType(PurposeEnum, {
  name: "BudgetPurpose",
  description:
    "WORK_FUNDS 基层统计工作经费, AWARD_PROGRAMME 以奖代补, SUBSIDIES 统计人员补助, OTHER (named in purposeName).",
});
export const ScheduleKindEnum = enumOf(SCHEDULE_KINDS);
registerEnumType(ScheduleKindEnum, {
  name: "ScheduleKind",
  description:
    "MONTHLY/QUARTERLY/HALF_YEARLY fall due at each period's end; ONCE on its date; CUSTOM as typed.",
});
export const DisbursementKindEnum = enumOf(["PAYMENT", "REVERSAL"] as const);
registerEnumType(DisbursementKindEnum, { name: "DisbursementKind" });
export const InstalmentStatusEnum = enumOf(INSTALMENT_STATUSES);
registerEnumType(InstalmentStatusEnum, {
  name: "InstalmentStatus",
  description: "R8: an instalment as of a date.",
});
export const RuleStatusEnum = enumOf(RuleStatuses);
registerEnumType(RuleStatusEnum, { name: "FinanceRuleStatus" });
export const RuleKindEnum = enumOf(RULE_KINDS);
registerEnumType(RuleKindEnum, { name: "AllocationRuleKind" });
export const TierRemainderEnum = enumOf(["KEEP", "SHARE_BY_SCORE"] as const);
registerEnumType(TierRemainderEnum, {
  name: "TierRemainder",
  description: "What TIERS does with what fixed amounts leave: keep it, or share it by score.",
});
export const RoundStatusEnum = enumOf(ROUND_STATUSES);
registerEnumType(RoundStatusEnum, { name: "AllocationRoundStatus" });
export const ClaimStatusEnum = enumOf(CLAIM_STATUSES);
registerEnumType(ClaimStatusEnum, { name: "SubsidyClaimStatus" });
