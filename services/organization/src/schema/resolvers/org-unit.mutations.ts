import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { createOrgUnit } from "../../domain/commands/create-org-unit";
import { deactivateOrgUnit } from "../../domain/commands/deactivate-org-unit";
import { moveOrgUnit, type MoveResult } from "../../domain/commands/move-org-unit";
import { setRegisterCount } from "../../domain/commands/set-register-count";
import { updateOrgUnit } from "../../domain/commands/update-org-unit";
import type { OrgUnit } from "../../domain/org-unit";
import type { OrganizationServices } from "../../domain/ports";
import { changePolicy, type GraphQLContext } from "../context";
import {
  CreateOrgUnitInput,
  DeactivateOrgUnitInput,
  MoveOrgUnitInput,
  SetRegisterCountInput,
  UpdateOrgUnitInput,
} from "../inputs/org-unit.inputs";
import { MoveOrgUnitResultType, OrgUnitType } from "../types/org-unit.type";

/** Thin: map the input, take the caller's policy, run the command. Each command publishes its event. */
@Resolver()
export class OrgUnitMutations {
  constructor(private readonly services: OrganizationServices) {}

  @Mutation(() => OrgUnitType, {
    description: "Creates a unit under a parent; the code must fit the parent and the kind.",
  })
  async createOrgUnit(@Arg("input") input: CreateOrgUnitInput, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    const { uow, clock } = this.services;
    return createOrgUnit(uow, await changePolicy(ctx), clock, {
      parentId: input.parentId,
      code: input.code,
      name: input.name,
      kind: opt(input.kind),
      postEstablished: opt(input.postEstablished),
      postEstablishedOn: opt(input.postEstablishedOn),
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => OrgUnitType, {
    description: "Renames, changes the kind within the code's range, or records the R1 post.",
  })
  async updateOrgUnit(@Arg("input") input: UpdateOrgUnitInput, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    const { uow, clock } = this.services;
    return updateOrgUnit(uow, await changePolicy(ctx), clock, {
      id: input.id,
      expectedVersion: input.expectedVersion,
      name: opt(input.name),
      kind: opt(input.kind),
      postEstablished: opt(input.postEstablished),
      // null clears the date; absent keeps it
      postEstablishedOn: input.postEstablishedOn,
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => MoveOrgUnitResultType, {
    description: "Moves a unit (and its subtree) under a new parent with a new code.",
  })
  async moveOrgUnit(@Arg("input") input: MoveOrgUnitInput, @Ctx() ctx: GraphQLContext): Promise<MoveResult> {
    return moveOrgUnit(this.services.uow, await changePolicy(ctx), input);
  }

  @Mutation(() => OrgUnitType, {
    description: "Deactivates a unit without active children; it is never deleted.",
  })
  async deactivateOrgUnit(
    @Arg("input") input: DeactivateOrgUnitInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrgUnit> {
    const { uow, clock } = this.services;
    return deactivateOrgUnit(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => OrgUnitType, {
    description: "Records the basic-unit register count of a unit as of a date.",
  })
  async setRegisterCount(
    @Arg("input") input: SetRegisterCountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrgUnit> {
    const { uow, clock } = this.services;
    return setRegisterCount(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }
}
