import { LocalDateResolver } from "graphql-scalars";
import { Field, InputType } from "type-graphql";
import type { ItemGroup } from "../../domain/standardization";
import { ItemGroupEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("StandardItemInput")
export class StandardItemInput {
  @Field(() => ItemGroupEnum) group: ItemGroup;
  @Field() code: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType("DefineStandardizationStandardInput", {
  description: "Adds the next version of the standard with this code.",
})
export class DefineStandardInput {
  @Field() code: string;
  @Field() title: string;
  @Field() source: string;
  @Field(() => LocalDateResolver) effectiveFrom: string;
  @Field({ defaultValue: false }) isSample: boolean;
  @Field(() => [StandardItemInput]) items: StandardItemInput[];
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}
