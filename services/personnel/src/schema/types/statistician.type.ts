import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type {
  AssignmentStatus,
  EstablishmentStatus,
  PostAssignment,
  StatisticianRole,
} from "../../domain/assignment";
import type { Filing } from "../../domain/filing";
import type { Gender, ProfessionalTitle } from "../../domain/statistician";
import { AssignmentStatusEnum, EstablishmentEnum, GenderEnum, RoleEnum, TitleEnum } from "./enums";
import { FilingType } from "./filing.type";

const WITHHELD = "Null when the person was reached by reference from outside your area (inYourArea false).";

@Directive('@key(fields: "id")')
@ObjectType("Statistician", {
  simpleResolvers: true,
  description:
    "A statistician (统计人员), a person. The resident ID number, birth date and phone are personal data: in full for " +
    "CITY_ADMIN, BANNER_ADMIN and UNIT_CLERK (who only see people in their area), masked for other roles. " +
    "Reached by reference from outside your area (another service's record names them), a person is a public view: " +
    "id and name only, inYourArea false, every other field null or empty.",
})
export class StatisticianType {
  @Field(() => ID) id: string;
  @Field() name: string;
  // inYourArea, idNumber, birthDate and phone are resolved in StatisticianFields (public view, masking by role).
  @Field(() => GenderEnum, { nullable: true, description: WITHHELD }) gender: Gender | null;
  @Field(() => String, { nullable: true }) ethnicity: string | null;
  @Field(() => String, { nullable: true }) education: string | null;
  @Field(() => TitleEnum, { nullable: true }) title: ProfessionalTitle | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `Generated sample data (样例统计员…), not a real person. ${WITHHELD}`,
  })
  isSample: boolean | null;
  @Field(() => Int, {
    nullable: true,
    description: `Send it back as expectedVersion when changing the person. ${WITHHELD}`,
  })
  version: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: WITHHELD }) createdAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: WITHHELD }) updatedAt: Date | null;
}

@ObjectType("PrePostGate", {
  simpleResolvers: true,
  description: "R7: whether the person holds a completed pre-post training (岗前培训).",
})
export class PrePostGateType {
  @Field({ description: "True once training's certificate has arrived: new posts then start ACTIVE." })
  certified: boolean;
  @Field(() => ID, { nullable: true }) certificateId: string | null;
  @Field(() => String, { nullable: true }) certificateNumber: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) completedOn: string | null;
}

@ObjectType("PostAssignment", {
  simpleResolvers: true,
  description: "A statistician in a post at an org unit.",
})
export class PostAssignmentType {
  @Field(() => ID) id: string;
  @Field(() => RoleEnum) role: StatisticianRole;
  @Field(() => EstablishmentEnum) establishment: EstablishmentStatus;
  @Field(() => AssignmentStatusEnum) status: AssignmentStatus;
  @Field(() => LocalDateResolver) startDate: string;
  @Field(() => LocalDateResolver, { nullable: true }) endDate: string | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
  @Field(() => ID, { nullable: true, description: "The pre-post certificate that made it ACTIVE (R7)." })
  certificateId: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) activatedAt: Date | null;
  @Field(() => Int, { description: "Send it back as expectedVersion when changing the post." })
  version: number;
  @Field() createdBy: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType("StaffChange", {
  simpleResolvers: true,
  description: "A staff change: the post as it is now, the post it replaced (a transfer), and its R5 filing.",
})
export class StaffChangeType {
  @Field(() => PostAssignmentType) assignment: PostAssignment;
  @Field(() => PostAssignmentType, { nullable: true }) previousAssignment: PostAssignment | null;
  @Field(() => FilingType) filing: Filing;
}
