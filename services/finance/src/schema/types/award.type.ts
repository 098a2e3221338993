import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { RoundStatus } from "../../domain/award";
import { MONEY } from "./budget.type";
import { RoundStatusEnum, RuleKindEnum, TierRemainderEnum } from "./enums";

const PERCENT = 'A percent with two decimals, e.g. "12.50".';
const SCORE = 'A score with two decimals, e.g. "87.50".';

@ObjectType("TierGrade")
export class TierGradeType {
  @Field() name: string;
  @Field({ description: SCORE }) minScore: string;
  @Field(() => String, { nullable: true, description: `Per banner in the grade. ${MONEY}` }) amount:
    string | null;
  @Field(() => String, { nullable: true, description: `Per banner, of the annual amount. ${PERCENT}` })
  share: string | null;
  @Field(() => Int, { nullable: true }) maxCount: number | null;
  @Field(() => Int, { nullable: true, description: "At most this percent of the banners (rounded down)." })
  maxPercent: number | null;
}

@ObjectType("AllocationRule", { description: "R9: how the annual amount is allocated (one version of it)." })
export class AllocationRuleType {
  @Field(() => RuleKindEnum) kind: string;
  @Field(() => TierRemainderEnum, { nullable: true }) remainder: string | null;
  @Field(() => String, { nullable: true, description: SCORE }) minimumScore: string | null;
  @Field(() => String, { nullable: true, description: PERCENT }) baseShare: string | null;
  @Field(() => [TierGradeType], { nullable: true }) grades: TierGradeType[] | null;
}

@ObjectType("AwardProgramme", { description: "R9 — 以奖代补: the city's award programme." })
export class AwardProgrammeType {
  @Field(() => ID) id: string;
  @Field(() => ID) cityUnitId: string;
  @Field() name: string;
  @Field(() => Int) firstYear: number;
  @Field(() => Int) lastYear: number;
  @Field({ description: MONEY }) annualAmount: string;
  @Field(() => Int) ruleVersion: number;
  @Field({ description: "A sample rule (the seed's): not an adopted one." }) isSample: boolean;
  @Field(() => Int) version: number;
}

@ObjectType("RoundAllocation")
export class RoundAllocationType {
  @Field(() => ID) unitId: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field({ description: SCORE }) score: string;
  @Field(() => String, { nullable: true }) grade: string | null;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: `Paid so far (payments not reversed). ${MONEY}` }) paid: string;
}

@ObjectType("RoundStep")
export class RoundStepType {
  @Field(() => Int) seq: number;
  @Field() step: string;
  @Field() actorId: string;
  @Field() actorName: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType("AuditCheck")
export class AuditCheckType {
  @Field({ description: "ALLOCATED_IN_FULL, PAID_IN_FULL, PAID_TO_ITS_BANNER, PAID_BY_SCHEDULE" })
  name: string;
  @Field() passed: boolean;
  @Field() detail: string;
}

@ObjectType("RoundAudit", { description: "R9: every step with actor and time, and the inspection's checks." })
export class RoundAuditType {
  @Field(() => [RoundStepType]) steps: RoundStepType[];
  @Field(() => [AuditCheckType]) checks: AuditCheckType[];
}

@ObjectType("AllocationRound", {
  description: "R9: a programme's year: DRAFT → COMPUTED → APPROVED → DISBURSED → CLOSED.",
})
export class AllocationRoundType {
  @Field(() => ID) id: string;
  @Field(() => ID) programmeId: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => ID, { description: "The programme's budget line it is paid from." }) lineId: string;
  @Field(() => RoundStatusEnum) status: RoundStatus;
  @Field(() => Int, { nullable: true, description: "The rule version it was computed with." }) ruleVersion:
    number | null;
  @Field(() => ID, { nullable: true, description: "The evaluation result set it was computed from." })
  resultSetId: string | null;
  @Field(() => Int) computation: number;
  @Field(() => String, { nullable: true, description: `What the rule left unallocated. ${MONEY}` })
  remainder: string | null;
  @Field(() => String, { nullable: true }) computedBy: string | null;
  @Field(() => String, { nullable: true }) computedByName: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) computedAt: Date | null;
  @Field(() => String, { nullable: true }) approvedBy: string | null;
  @Field(() => String, { nullable: true }) approvedByName: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) approvedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "Results corrected after approval: flagged, not changed.",
  })
  flag: string | null;
  @Field(() => Int) version: number;
}

@ObjectType("AwardAllocation", { description: "R9: a banner's allocation in a round of a year." })
export class AwardAllocationType {
  @Field(() => ID) roundId: string;
  @Field(() => ID) programmeId: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => RoundStatusEnum) status: RoundStatus;
  @Field() score: string;
  @Field(() => String, { nullable: true }) grade: string | null;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: MONEY }) paid: string;
}
