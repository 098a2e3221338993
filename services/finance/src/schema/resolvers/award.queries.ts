import { notFoundInArea } from "@grassroots/kit/errors";
import { isUuid } from "@grassroots/kit/validation";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { BUDGET_READERS } from "../../domain/access-policy";
import { programmeView, roundView, type ProgrammeView, type RoundView } from "../award-views";
import { readerScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { AllocationRoundType, AwardProgrammeType } from "../types/award.type";

@Resolver()
export class AwardQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => [AwardProgrammeType], { description: "R9: the award programmes of the city in your area." })
  async awardProgrammes(@Ctx() ctx: GraphQLContext): Promise<ProgrammeView[]> {
    const scope = await readerScope(ctx, "read award programmes", BUDGET_READERS);
    return (await this.deps.services.awards.programmes(scope)).map(programmeView);
  }

  @Query(() => AllocationRoundType, { description: "R9: a round of a programme of the city in your area." })
  async allocationRound(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<RoundView> {
    const scope = await readerScope(ctx, "read allocation rounds", BUDGET_READERS);
    const [round] = isUuid(id) ? await this.deps.services.awards.roundsByIds([id], scope) : [];
    if (!round) throw notFoundInArea("Allocation round", id, "id");
    return roundView(round);
  }
}
