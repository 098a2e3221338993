import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { EstablishmentStatus, StatisticianRole } from "../../domain/assignment";
import { EstablishmentEnum, RoleEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("AppointStatisticianInput")
export class AppointStatisticianInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) statisticianId: string;
  @Field(() => ID) orgUnitId: string;
  @Field(() => RoleEnum) role: StatisticianRole;
  @Field(() => EstablishmentEnum) establishment: EstablishmentStatus;
  @Field(() => LocalDateResolver, { description: "Business date; not in the future." }) startDate: string;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "A planned end (fixed-term contract), not before startDate.",
  })
  endDate?: string | null;
}

@InputType("TransferStatisticianInput")
export class TransferStatisticianInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => ID) toOrgUnitId: string;
  @Field(() => LocalDateResolver, { description: "The old post ends and the new one starts on this date." })
  date: string;
  @Field(() => RoleEnum, { nullable: true, description: "Default: the old post's role." })
  role?: StatisticianRole | null;
  @Field(() => EstablishmentEnum, { nullable: true }) establishment?: EstablishmentStatus | null;
}

@InputType("ChangeAssignmentRoleInput")
export class ChangeAssignmentRoleInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => RoleEnum, { nullable: true }) role?: StatisticianRole | null;
  @Field(() => EstablishmentEnum, { nullable: true }) establishment?: EstablishmentStatus | null;
  @Field(() => LocalDateResolver) effectiveDate: string;
}

@InputType("EndAssignmentInput")
export class EndAssignmentInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => LocalDateResolver, { description: "Not before the post's start date; not in the future." })
  endDate: string;
  @Field() reason: string;
}
