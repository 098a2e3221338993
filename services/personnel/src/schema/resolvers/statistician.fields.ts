import { maskIdNumber, maskPhone } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { seesPersonalData } from "../../domain/access-policy";
import type { PostAssignment } from "../../domain/assignment";
import type { PersonnelServices } from "../../domain/ports";
import { isPublicView, type StatisticianView } from "../../domain/statistician";
import type { GraphQLContext } from "../context";
import { loaders } from "../loaders";
import { asTypes } from "../types/as-type";
import { OrgUnitRefType } from "../types/org-unit.type";
import { PostAssignmentType, PrePostGateType, StatisticianType } from "../types/statistician.type";

/**
 * Personal data by role (masked unless the role needs it), and the person's relations, batched. A public
 * view (a reference from outside the caller's area, #10.1) withholds all of it: null or empty.
 */
@Resolver(() => StatisticianType)
export class StatisticianFields {
  constructor(private readonly services: PersonnelServices) {}

  @FieldResolver(() => Boolean, {
    description:
      "False when the person was reached by reference from outside your area: only id and name are shown then.",
  })
  inYourArea(@Root() s: StatisticianView): boolean {
    return !isPublicView(s);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Resident ID number; masked (first 6 and last 4) for roles that do not need it. Null outside your area (a reference).",
  })
  idNumber(@Root() s: StatisticianView, @Ctx() ctx: GraphQLContext): string | null {
    if (isPublicView(s)) return null;
    return seesPersonalData(ctx.identity) ? s.idNumber : maskIdNumber(s.idNumber);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: "From the ID number; null where the ID number is masked or withheld.",
  })
  birthDate(@Root() s: StatisticianView, @Ctx() ctx: GraphQLContext): string | null {
    if (isPublicView(s)) return null;
    return seesPersonalData(ctx.identity) ? s.birthDate : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Masked (first 3 and last 4) for roles that do not need it; null outside your area (a reference).",
  })
  phone(@Root() s: StatisticianView, @Ctx() ctx: GraphQLContext): string | null {
    if (isPublicView(s) || s.phone === null) return null;
    return seesPersonalData(ctx.identity) ? s.phone : maskPhone(s.phone);
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when idNumber and phone are not shown to you in full (masked, or withheld outside your area).",
  })
  personalDataMasked(@Root() s: StatisticianView, @Ctx() ctx: GraphQLContext): boolean {
    return isPublicView(s) || !seesPersonalData(ctx.identity);
  }

  @FieldResolver(() => OrgUnitRefType, {
    nullable: true,
    description: "The unit that registered the person; null outside your area (a reference).",
  })
  registeredAt(@Root() s: StatisticianView): OrgUnitRefType | null {
    return isPublicView(s) ? null : { id: s.registeredAtId };
  }

  @FieldResolver(() => PrePostGateType, {
    nullable: true,
    description:
      "R7: the pre-post training certificate, as training announced it; null outside your area (a reference).",
  })
  async prePostGate(
    @Root() s: StatisticianView,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PrePostGateType | null> {
    if (isPublicView(s)) return null;
    const { certificate } = await loaders(ctx, this.services).records.load(s.id);
    return {
      certified: !!certificate,
      certificateId: certificate?.certificateId ?? null,
      certificateNumber: certificate?.certificateNumber ?? null,
      completedOn: certificate?.completedOn ?? null,
    };
  }

  @FieldResolver(() => [PostAssignmentType], {
    description: "The person's posts at units in your area, latest start first (none outside your area).",
  })
  async assignments(
    @Root() s: StatisticianView,
    @Ctx() ctx: GraphQLContext,
    @Arg("includeEnded", () => Boolean, { nullable: true, defaultValue: true }) includeEnded: boolean,
  ): Promise<PostAssignment[]> {
    if (isPublicView(s)) return [];
    const all = asTypes(
      PostAssignmentType,
      (await loaders(ctx, this.services).records.load(s.id)).assignments,
    );
    return includeEnded ? all : all.filter((a) => a.status !== "ENDED");
  }
}
