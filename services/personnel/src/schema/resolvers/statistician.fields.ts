import { maskIdNumber, maskPhone } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { seesPersonalData } from "../../domain/access-policy";
import type { PostAssignment } from "../../domain/assignment";
import type { PersonnelServices } from "../../domain/ports";
import type { Statistician } from "../../domain/statistician";
import type { GraphQLContext } from "../context";
import { loaders } from "../loaders";
import { OrgUnitRefType } from "../types/org-unit.type";
import { PostAssignmentType, PrePostGateType, StatisticianType } from "../types/statistician.type";

/** Personal data by role (masked unless the role needs it), and the person's relations, batched. */
@Resolver(() => StatisticianType)
export class StatisticianFields {
  constructor(private readonly services: PersonnelServices) {}

  @FieldResolver(() => String, {
    description: "Resident ID number; masked (first 6 and last 4) for roles that do not need it.",
  })
  idNumber(@Root() s: Statistician, @Ctx() ctx: GraphQLContext): string {
    return seesPersonalData(ctx.identity) ? s.idNumber : maskIdNumber(s.idNumber);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: "From the ID number; null where the ID number is masked.",
  })
  birthDate(@Root() s: Statistician, @Ctx() ctx: GraphQLContext): string | null {
    return seesPersonalData(ctx.identity) ? s.birthDate : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Masked (first 3 and last 4) for roles that do not need it.",
  })
  phone(@Root() s: Statistician, @Ctx() ctx: GraphQLContext): string | null {
    if (s.phone === null) return null;
    return seesPersonalData(ctx.identity) ? s.phone : maskPhone(s.phone);
  }

  @FieldResolver(() => Boolean, { description: "True when idNumber and phone are shown masked to you." })
  personalDataMasked(@Ctx() ctx: GraphQLContext): boolean {
    return !seesPersonalData(ctx.identity);
  }

  @FieldResolver(() => OrgUnitRefType, { description: "The unit that registered the person." })
  registeredAt(@Root() s: Statistician): OrgUnitRefType {
    return { id: s.registeredAtId };
  }

  @FieldResolver(() => PrePostGateType, {
    description: "R7: the pre-post training certificate, as training announced it.",
  })
  async prePostGate(@Root() s: Statistician, @Ctx() ctx: GraphQLContext): Promise<PrePostGateType> {
    const { certificate } = await loaders(ctx, this.services).records.load(s.id);
    return {
      certified: !!certificate,
      certificateId: certificate?.certificateId ?? null,
      certificateNumber: certificate?.certificateNumber ?? null,
      completedOn: certificate?.completedOn ?? null,
    };
  }

  @FieldResolver(() => [PostAssignmentType], {
    description: "The person's posts at units in your area, latest start first.",
  })
  async assignments(
    @Root() s: Statistician,
    @Ctx() ctx: GraphQLContext,
    @Arg("includeEnded", () => Boolean, { nullable: true, defaultValue: true }) includeEnded: boolean,
  ): Promise<PostAssignment[]> {
    const all = (await loaders(ctx, this.services).records.load(s.id)).assignments;
    return includeEnded ? all : all.filter((a) => a.status !== "ENDED");
  }
}
