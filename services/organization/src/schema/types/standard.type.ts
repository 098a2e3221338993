import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { ItemGroup } from "../../domain/standardization";
import { ItemGroupEnum } from "./enums";

@ObjectType("StandardItem", {
  simpleResolvers: true,
  description: "One of the 八有八化 items of a standard version.",
})
export class StandardItemType {
  @Field(() => Int) ordinal: number;
  @Field(() => ItemGroupEnum) group: ItemGroup;
  @Field() code: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType("StandardizationStandard", {
  simpleResolvers: true,
  description:
    "A version of the 八有八化 standard. Versions are never edited once used: a change is a new version.",
})
export class StandardType {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field(() => Int) version: number;
  @Field() title: string;
  @Field({ description: "Where the items come from (document, province, year)." }) source: string;
  @Field(() => LocalDateResolver) effectiveFrom: string;
  @Field({ description: "A sample from another province, not the standard that applies here." })
  isSample: boolean;
  @Field(() => [StandardItemType]) items: StandardItemType[];
}
