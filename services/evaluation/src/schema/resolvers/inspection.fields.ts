import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { findingView, rectificationView } from "../inspection-view";
import { FindingType, InspectionType, RectificationType } from "../types/inspection.type";

/** An inspection's findings, batched across inspections. */
@Resolver(() => InspectionType)
export class InspectionFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [FindingType], { description: "Soonest deadline first." })
  async findings(@Root() i: InspectionType, @Ctx() ctx: GraphQLContext): Promise<FindingType[]> {
    const today = this.deps.services.clock.today();
    return (await this.deps.loaders(ctx).findingsOf.load(i.id)).map((f) => findingView(f, today));
  }
}

/** A finding's rectifications (the rejected ones kept), batched across findings. */
@Resolver(() => FindingType)
export class FindingFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [RectificationType])
  async rectifications(@Root() f: FindingType, @Ctx() ctx: GraphQLContext): Promise<RectificationType[]> {
    return (await this.deps.loaders(ctx).rectificationsOf.load(f.id)).map(rectificationView);
  }
}
