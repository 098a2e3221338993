import { REQUEST_ID } from "./request-id";
import { Field, ID, InputType, Int } from "type-graphql";
import { MeetingKindEnum, ProblemStepEnum } from "../types/enums";

@InputType("MeetingProblemInput")
export class MeetingProblemInput {
  @Field() description: string;
  @Field(() => ID) responsibleUnitId: string;
  @Field(() => String, { nullable: true }) responsiblePerson?: string | null;
  @Field() dueDate: string;
}

@InputType("RecordWorkMeetingInput")
export class RecordWorkMeetingInput {
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string;
  @Field(() => ID) holderUnitId: string;
  @Field() meetingDate: string;
  @Field(() => MeetingKindEnum) kind: "EXECUTIVE" | "SPECIAL" | "BUREAU";
  @Field() chair: string;
  @Field(() => [String]) topics: string[];
  @Field() studiedGrassrootsStatistics: boolean;
  @Field(() => String, { nullable: true }) minutesRef?: string | null;
  @Field(() => [MeetingProblemInput], { defaultValue: [] }) problems: MeetingProblemInput[];
}

@InputType("ChangeProblemStatusInput")
export class ChangeProblemStatusInput {
  @Field(() => ID) problemId: string;
  @Field(() => ProblemStepEnum) status: "IN_PROGRESS" | "RESOLVED";
  @Field(() => String, { nullable: true }) resolution?: string | null;
  @Field(() => String, { nullable: true }) evidence?: string | null;
  @Field(() => String, { nullable: true }) resolvedOn?: string | null;
  @Field(() => Int) expectedVersion: number;
}

@InputType("CarryOverProblemInput")
export class CarryOverProblemInput {
  @Field(() => ID) problemId: string;
  @Field(() => ID) toMeetingId: string;
  @Field() dueDate: string;
  @Field(() => Int) expectedVersion: number;
}
