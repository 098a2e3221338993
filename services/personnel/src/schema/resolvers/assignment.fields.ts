import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PostAssignment } from "../../domain/assignment";
import type { PersonnelServices } from "../../domain/ports";
import type { Statistician } from "../../domain/statistician";
import type { GraphQLContext } from "../context";
import { loaders } from "../loaders";
import { OrgUnitRefType } from "../types/org-unit.type";
import { PostAssignmentType, StatisticianType } from "../types/statistician.type";

@Resolver(() => PostAssignmentType)
export class AssignmentFields {
  constructor(private readonly services: PersonnelServices) {}

  @FieldResolver(() => StatisticianType, {
    nullable: true,
    description: "Null when the person is outside your area.",
  })
  statistician(@Root() a: PostAssignment, @Ctx() ctx: GraphQLContext): Promise<Statistician | null> {
    return loaders(ctx, this.services).statistician.load(a.statisticianId);
  }

  @FieldResolver(() => String, {
    description:
      "createdBy by name (the token's display name; the subject on posts created before names were kept).",
  })
  createdByName(@Root() a: PostAssignment): string {
    return a.createdByName ?? a.createdBy;
  }

  @FieldResolver(() => OrgUnitRefType)
  orgUnit(@Root() a: PostAssignment): OrgUnitRefType {
    return { id: a.orgUnitId };
  }
}
