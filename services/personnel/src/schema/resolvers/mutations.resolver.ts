import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { appointStatistician } from "../../domain/commands/appoint-statistician";
import { changeAssignmentRole } from "../../domain/commands/change-assignment-role";
import type { StaffChange } from "../../domain/commands/common";
import { endAssignment } from "../../domain/commands/end-assignment";
import { takeFilingStep } from "../../domain/commands/filing-step";
import { registerStatistician } from "../../domain/commands/register-statistician";
import { transferStatistician } from "../../domain/commands/transfer-statistician";
import { updateStatistician } from "../../domain/commands/update-statistician";
import type { Filing } from "../../domain/filing";
import type { PersonnelServices } from "../../domain/ports";
import type { Statistician } from "../../domain/statistician";
import { changePolicy, type GraphQLContext } from "../context";
import {
  AppointStatisticianInput,
  ChangeAssignmentRoleInput,
  EndAssignmentInput,
  FilingStepInput,
  RegisterStatisticianInput,
  ReturnFilingInput,
  TransferStatisticianInput,
  UpdateStatisticianInput,
} from "../inputs/inputs";
import { FilingType } from "../types/filing.type";
import { StaffChangeType, StatisticianType } from "../types/statistician.type";

/** Thin: map the input, take the caller's policy, run the command. Every mutation takes a requestId. */
@Resolver()
export class PersonnelMutations {
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

  @Mutation(() => StaffChangeType, {
    description:
      "Appoints a person to a post: ACTIVE if they hold a pre-post certificate, else PENDING_TRAINING (R7); files an APPOINTMENT (R5).",
  })
  async appointStatistician(
    @Arg("input") input: AppointStatisticianInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StaffChange> {
    const { uow, clock, settings } = this.services;
    return appointStatistician(uow, await changePolicy(ctx), clock, settings, {
      ...input,
      endDate: opt(input.endDate),
    });
  }

  @Mutation(() => StaffChangeType, {
    description: "Moves a post to another unit (old post ENDED, new one started); files a TRANSFER.",
  })
  async transferStatistician(
    @Arg("input") input: TransferStatisticianInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StaffChange> {
    const { uow, clock, settings } = this.services;
    return transferStatistician(uow, await changePolicy(ctx), clock, settings, {
      ...input,
      role: opt(input.role),
      establishment: opt(input.establishment),
    });
  }

  @Mutation(() => StaffChangeType, {
    description: "Changes a post's role or establishment status; files a ROLE_CHANGE.",
  })
  async changeAssignmentRole(
    @Arg("input") input: ChangeAssignmentRoleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StaffChange> {
    const { uow, clock, settings } = this.services;
    return changeAssignmentRole(uow, await changePolicy(ctx), clock, settings, {
      ...input,
      role: opt(input.role),
      establishment: opt(input.establishment),
    });
  }

  @Mutation(() => StaffChangeType, {
    description: "Ends a post (departure) with a reason; files a DEPARTURE.",
  })
  async endAssignment(
    @Arg("input") input: EndAssignmentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StaffChange> {
    const { uow, clock, settings } = this.services;
    return endAssignment(uow, await changePolicy(ctx), clock, settings, { ...input });
  }

  @Mutation(() => FilingType, {
    description: "R5: the township confirms a village-level filing and forwards it to the banner bureau.",
  })
  async forwardFiling(@Arg("input") input: FilingStepInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "FORWARD", reason: input.note });
  }

  @Mutation(() => FilingType, { description: "R5: the banner bureau files the change." })
  async fileFiling(@Arg("input") input: FilingStepInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "FILE", reason: input.note });
  }

  @Mutation(() => FilingType, { description: "R5: the banner bureau returns the filing with a reason." })
  async returnFiling(@Arg("input") input: ReturnFilingInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "RETURN" });
  }

  @Mutation(() => FilingType, {
    description: "R5: the unit's level resubmits a returned filing once corrected.",
  })
  async resubmitFiling(@Arg("input") input: FilingStepInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "RESUBMIT", reason: input.note });
  }

  private async step(ctx: GraphQLContext, input: Parameters<typeof takeFilingStep>[3]): Promise<Filing> {
    const { uow, clock } = this.services;
    return takeFilingStep(uow, await changePolicy(ctx), clock, {
      requestId: input.requestId,
      filingId: input.filingId,
      expectedVersion: input.expectedVersion,
      step: input.step,
      reason: input.reason,
    });
  }
}
