import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { EstablishmentStatus, StatisticianRole } from "../../domain/assignment";
import type { FilingStatus } from "../../domain/filing";
import type { Gender, ProfessionalTitle } from "../../domain/statistician";
import { EstablishmentEnum, FilingStatusEnum, GenderEnum, RoleEnum, TitleEnum } from "../types/enums";

const REQUEST_ID =
  "Your id for this change (e.g. a UUID): a retry with the same requestId returns the first result and writes nothing.";

@InputType("RegisterStatisticianInput")
export class RegisterStatisticianInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID, { description: "The unit registering the person (in your area)." }) orgUnitId: string;
  @Field() name: string;
  @Field({
    description: "18 characters; the check character (GB 11643) and birth date are verified; unique.",
  })
  idNumber: string;
  @Field(() => GenderEnum, {
    nullable: true,
    description: "Read from the ID number when omitted; refused when it disagrees.",
  })
  gender?: Gender | null;
  @Field(() => String, { nullable: true }) ethnicity?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) education?: string | null;
  @Field(() => TitleEnum, { nullable: true }) title?: ProfessionalTitle | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType("UpdateStatisticianInput", {
  description: "Omitted fields stay; null clears. The ID number never changes.",
})
export class UpdateStatisticianInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) ethnicity?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) education?: string | null;
  @Field(() => TitleEnum, { nullable: true }) title?: ProfessionalTitle | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

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

@InputType("FilingStepInput")
export class FilingStepInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) filingId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true, description: "A note kept in the filing's history." }) note?:
    string | null;
}

@InputType("ReturnFilingInput")
export class ReturnFilingInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) filingId: string;
  @Field(() => Int) expectedVersion: number;
  @Field({ description: "Why the bureau returns it: what the unit must correct." }) reason: string;
}

@InputType("StatisticianFilter")
export class StatisticianFilterInput {
  @Field(() => String, { nullable: true }) nameContains?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "People registered at, or with a post (any status) at, this unit or below.",
  })
  orgUnitId?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) includeSample?: boolean | null;
}

@InputType("FilingFilter")
export class FilingFilterInput {
  @Field(() => [FilingStatusEnum], { nullable: true }) statuses?: FilingStatus[] | null;
  @Field(() => ID, { nullable: true }) bannerId?: string | null;
  @Field(() => ID, { nullable: true, description: "Filings of this unit and the units below it." })
  orgUnitId?: string | null;
  @Field(() => ID, { nullable: true }) statisticianId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Only filings not filed within FILING_DUE_DAYS.",
  })
  overdueOnly?: boolean | null;
}
