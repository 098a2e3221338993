import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { appointStatistician } from "../../domain/commands/appoint-statistician";
import { changeAssignmentRole } from "../../domain/commands/change-assignment-role";
import type { StaffChange } from "../../domain/commands/common";
import { endAssignment } from "../../domain/commands/end-assignment";
import { transferStatistician } from "../../domain/commands/transfer-statistician";
import type { PersonnelServices } from "../../domain/ports";
import { changePolicy, type GraphQLContext } from "../context";
import {
  AppointStatisticianInput,
  ChangeAssignmentRoleInput,
  EndAssignmentInput,
  TransferStatisticianInput,
} from "../inputs/assignment.inputs";
import { StaffChangeType } from "../types/statistician.type";

/** The four staff changes of a post; each files its change (R5). Thin: map, policy, command. */
@Resolver()
export class AssignmentMutations {
  constructor(private readonly services: PersonnelServices) {}

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
}
