import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { carryOverProblem } from "../../domain/commands/carry-over-problem";
import { changeProblemStatus } from "../../domain/commands/change-problem-status";
import { recordWorkMeeting } from "../../domain/commands/record-work-meeting";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  CarryOverProblemInput,
  ChangeProblemStatusInput,
  RecordWorkMeetingInput,
} from "../inputs/meeting.inputs";
import { meetingView, problemView } from "../meeting-view";
import { CarriedOverProblemType, MeetingProblemType, WorkMeetingType } from "../types/meeting.type";

/** R11: meetings and their problems (thin: parse, call, map). */
@Resolver()
export class MeetingMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => WorkMeetingType, {
    description: "Records a work meeting of your bureau's government or bureau, with the problems it raised.",
  })
  async recordWorkMeeting(
    @Arg("input", () => RecordWorkMeetingInput) input: RecordWorkMeetingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WorkMeetingType> {
    const { uow, clock } = this.deps.services;
    const meeting = await recordWorkMeeting(uow, await changePolicy(ctx), clock, { ...input });
    return meetingView(meeting);
  }

  @Mutation(() => MeetingProblemType, {
    description: "A problem OPEN → IN_PROGRESS → RESOLVED (with resolution and evidence).",
  })
  async changeProblemStatus(
    @Arg("input", () => ChangeProblemStatusInput) input: ChangeProblemStatusInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingProblemType> {
    const { uow, clock } = this.deps.services;
    return problemView(
      await changeProblemStatus(uow, await changePolicy(ctx), clock, { ...input }),
      clock.today(),
    );
  }

  @Mutation(() => CarriedOverProblemType, {
    description: "Carries an open problem over to a later meeting of the same holder (linked).",
  })
  async carryOverProblem(
    @Arg("input", () => CarryOverProblemInput) input: CarryOverProblemInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CarriedOverProblemType> {
    const { uow, clock } = this.deps.services;
    const { from, to } = await carryOverProblem(uow, await changePolicy(ctx), clock, { ...input });
    return { from: problemView(from, clock.today()), to: problemView(to, clock.today()) };
  }
}
