import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { problemView } from "../meeting-view";
import { MeetingProblemType, WorkMeetingType } from "../types/meeting.type";

/** A meeting's problems, batched across meetings. */
@Resolver(() => WorkMeetingType)
export class MeetingFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [MeetingProblemType])
  async problems(@Root() m: WorkMeetingType, @Ctx() ctx: GraphQLContext): Promise<MeetingProblemType[]> {
    const today = this.deps.services.clock.today();
    return (await this.deps.loaders(ctx).problemsOf.load(m.id)).map((p) => problemView(p, today));
  }
}
