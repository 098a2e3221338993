import { Field, ID, Int, ObjectType } from "type-graphql";
import { MeetingKindEnum, ProblemStatusEnum } from "./enums";
import { OrgUnitType } from "./org-unit.type";

@ObjectType("MeetingProblem", { description: "R11: a problem a work meeting raised." })
export class MeetingProblemType {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field() description: string;
  @Field(() => OrgUnitType) responsibleUnit: { id: string };
  @Field(() => String, { nullable: true }) responsiblePerson: string | null;
  @Field() dueDate: string;
  @Field(() => ProblemStatusEnum) status: string;
  @Field({ description: "Still open past its due date." }) overdue: boolean;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field(() => String, { nullable: true }) evidence: string | null;
  @Field(() => String, { nullable: true }) resolvedOn: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "The problem it continues (carried over from an earlier meeting).",
  })
  carriedFromId: string | null;
  @Field(() => ID, { nullable: true, description: "The problem that continues it at a later meeting." })
  carriedToId: string | null;
  @Field(() => Int) version: number;
}

@ObjectType("WorkMeeting", {
  description: "R11: a leadership work meeting of a banner's or the city's government or bureau.",
})
export class WorkMeetingType {
  @Field(() => ID) id: string;
  @Field(() => OrgUnitType) holder: { id: string };
  @Field() meetingDate: string;
  @Field(() => MeetingKindEnum) kind: string;
  @Field() chair: string;
  @Field(() => [String]) topics: string[];
  @Field() studiedGrassrootsStatistics: boolean;
  @Field(() => String, { nullable: true }) minutesRef: string | null;
  @Field() recordedByName: string;
  @Field(() => Int) version: number;
}

@ObjectType("MeetingYearSummary", { description: "R11 per banner (or the city) and year." })
export class MeetingYearSummaryType {
  @Field(() => OrgUnitType) holder: { id: string };
  @Field(() => Int) year: number;
  @Field(() => Int, { description: "Meetings held that studied grassroots statistics." })
  meetingsStudied: number;
  @Field(() => Int) problemsRaised: number;
  @Field(() => Int) resolved: number;
  @Field(() => Int) overdue: number;
}

@ObjectType("CarriedOverProblem")
export class CarriedOverProblemType {
  @Field(() => MeetingProblemType) from: MeetingProblemType;
  @Field(() => MeetingProblemType) to: MeetingProblemType;
}
