import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { OrgUnitKind } from "../../domain/org-unit";
import { OrgUnitKindEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("OrgUnitFilter")
export class OrgUnitFilterInput {
  @Field(() => String, { nullable: true }) nameContains?: string | null;
  @Field(() => String, { nullable: true, description: "Leading digits of the code, e.g. 150621." })
  codePrefix?: string | null;
  @Field(() => [OrgUnitKindEnum], { nullable: true }) kinds?: OrgUnitKind[] | null;
  @Field(() => ID, { nullable: true, description: "Only units below this one." }) underId?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) includeInactive?: boolean | null;
}

@InputType("CreateOrgUnitInput")
export class CreateOrgUnitInput {
  @Field(() => ID) parentId: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => OrgUnitKindEnum, {
    nullable: true,
    description: "Inferred from the code (and name) when omitted.",
  })
  kind?: OrgUnitKind | null;
  @Field(() => Boolean, { nullable: true }) postEstablished?: boolean | null;
  @Field(() => LocalDateResolver, { nullable: true }) postEstablishedOn?: string | null;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("UpdateOrgUnitInput", { description: "Omitted fields stay as they are." })
export class UpdateOrgUnitInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => OrgUnitKindEnum, { nullable: true, description: "Only within the code's range." })
  kind?: OrgUnitKind | null;
  @Field(() => Boolean, { nullable: true }) postEstablished?: boolean | null;
  @Field(() => LocalDateResolver, { nullable: true }) postEstablishedOn?: string | null;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("MoveOrgUnitInput")
export class MoveOrgUnitInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => ID) newParentId: string;
  @Field({ description: "The unit's code under the new parent; descendants' codes follow." }) newCode: string;
}

@InputType("DeactivateOrgUnitInput")
export class DeactivateOrgUnitInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field() reason: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("SetRegisterCountInput")
export class SetRegisterCountInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => Int) count: number;
  @Field(() => LocalDateResolver, { description: "Business date of the count; not in the future." })
  asOf: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}
