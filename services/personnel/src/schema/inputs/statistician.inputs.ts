import { Field, ID, InputType, Int } from "type-graphql";
import type { Gender, ProfessionalTitle } from "../../domain/statistician";
import { GenderEnum, TitleEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

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
