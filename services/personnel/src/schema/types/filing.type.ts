import { LocalDateResolver } from "graphql-scalars";
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { EstablishmentStatus, StatisticianRole } from "../../domain/assignment";
import type { FilingChange, FilingRoute, FilingStatus, FilingStepName } from "../../domain/filing";
import {
  EstablishmentEnum,
  FilingChangeEnum,
  FilingRouteEnum,
  FilingStatusEnum,
  FilingStepEnum,
  RoleEnum,
} from "./enums";
import { OrgUnitRefType } from "./org-unit.type";

@ObjectType("FilingDetails", { simpleResolvers: true, description: "What changed (no personal data)." })
export class FilingDetailsType {
  @Field(() => RoleEnum, { nullable: true }) role?: StatisticianRole;
  @Field(() => EstablishmentEnum, { nullable: true }) establishment?: EstablishmentStatus;
  @Field(() => RoleEnum, { nullable: true }) previousRole?: StatisticianRole;
  @Field(() => EstablishmentEnum, { nullable: true }) previousEstablishment?: EstablishmentStatus;
  @Field(() => OrgUnitRefType, { nullable: true, description: "TRANSFER: the unit the person left." })
  fromOrgUnit?: OrgUnitRefType | null;
  @Field(() => ID, { nullable: true, description: "TRANSFER: the post that ended." })
  previousAssignmentId?: string;
  @Field(() => LocalDateResolver, { nullable: true }) effectiveDate?: string;
  @Field(() => String, { nullable: true, description: "DEPARTURE: why the post ended." }) reason?: string;
}

@ObjectType("FilingStep", {
  simpleResolvers: true,
  description: "One step of a filing's history (kept forever).",
})
export class FilingStepType {
  @Field(() => FilingStepEnum) step: FilingStepName;
  @Field(() => FilingStatusEnum, { nullable: true }) fromStatus: FilingStatus | null;
  @Field(() => FilingStatusEnum) toStatus: FilingStatus;
  @Field() actor: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => String, { nullable: true, description: "The return reason, or a note." }) note: string | null;
}

@ObjectType("Filing", {
  simpleResolvers: true,
  description:
    "R5 (备案): a staff change reported level by level to the banner bureau. Village-level changes are forwarded by " +
    "their township; township-level and park changes go straight to the bureau, which files or returns them.",
})
export class FilingType {
  @Field(() => ID) id: string;
  @Field(() => FilingChangeEnum) change: FilingChange;
  @Field(() => FilingRouteEnum) route: FilingRoute;
  @Field(() => FilingStatusEnum) status: FilingStatus;
  @Field(() => LocalDateResolver, { description: "Business date of submission (China time)." })
  submittedOn: string;
  @Field() submittedBy: string;
  @Field(() => GraphQLISODateTime) submittedAt: Date;
  @Field(() => String, { nullable: true }) forwardedBy: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) forwardedAt: Date | null;
  @Field(() => String, { nullable: true, description: "Who filed or returned it at the banner bureau." })
  decidedBy: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) returnReason: string | null;
  @Field(() => Int, { description: "Send it back as expectedVersion with the next step." }) version: number;
}
