import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { registerStatistician } from "../../domain/commands/register-statistician";
import { updateStatistician } from "../../domain/commands/update-statistician";
import type { PersonnelServices } from "../../domain/ports";
import type { Statistician } from "../../domain/statistician";
import { changePolicy, type GraphQLContext } from "../context";
import { RegisterStatisticianInput, UpdateStatisticianInput } from "../inputs/statistician.inputs";
import { StatisticianType } from "../types/statistician.type";

/** Thin: map the input, take the caller's policy, run the command. Every mutation takes a requestId. */
@Resolver()
export class StatisticianMutations {
  constructor(private readonly services: PersonnelServices) {}

  @Mutation(() => StatisticianType, {
    description: "Registers a person; the ID number is verified (GB 11643) and unique (CONFLICT).",
  })
  async registerStatistician(
    @Arg("input") input: RegisterStatisticianInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Statistician> {
    const { uow, clock } = this.services;
    return registerStatistician(uow, await changePolicy(ctx), clock, {
      requestId: input.requestId,
      orgUnitId: input.orgUnitId,
      name: input.name,
      idNumber: input.idNumber,
      gender: opt(input.gender),
      ethnicity: input.ethnicity,
      phone: input.phone,
      education: input.education,
      title: input.title,
      notes: input.notes,
    });
  }

  @Mutation(() => StatisticianType, {
    description: "Changes a person's details (not the ID number); version-checked.",
  })
  async updateStatistician(
    @Arg("input") input: UpdateStatisticianInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Statistician> {
    return updateStatistician(this.services.uow, await changePolicy(ctx), {
      requestId: input.requestId,
      id: input.id,
      expectedVersion: input.expectedVersion,
      name: opt(input.name),
      // null clears; absent keeps
      ethnicity: input.ethnicity,
      phone: input.phone,
      education: input.education,
      title: input.title,
      notes: input.notes,
    });
  }
}
