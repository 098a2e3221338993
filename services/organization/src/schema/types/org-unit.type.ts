import { Cacheable } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { OrgUnitKind } from "../../domain/org-unit";
import { OrgUnitKindEnum } from "./enums";

@Directive('@key(fields: "id")')
@Cacheable("structure")
@ObjectType("OrgUnit", {
  simpleResolvers: true,
  description:
    "A unit of the org tree: city, banner/district, township level or village level. Reached by reference from outside your area (inYourArea false), only its public identity is shown (id, code, name, kind, depth, parentId, active); its work data (register count, statistics post, deactivation, parent, ancestors, children, history, assessment) is null or empty.",
})
export class OrgUnitType {
  @Field(() => ID) id: string;
  @Field({ description: "12-digit statistical division code (统计用区划代码)." }) code: string;
  @Field() name: string;
  @Field(() => OrgUnitKindEnum) kind: OrgUnitKind;
  @Field(() => Int, { description: "0 city, 1 banner/district, 2 township level, 3 village level." })
  depth: number;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => Int, {
    nullable: true,
    description: "Latest basic-unit register count (基本单位名录库); null when none, or outside your area.",
  })
  registerCount: number | null;
  @Field(() => LocalDateResolver, { nullable: true }) registerAsOf: string | null;
  @Field({ description: "Generated sample data, not a real unit." }) isSample: boolean;
  @Field() active: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) deactivatedAt: Date | null;
  @Field(() => String, { nullable: true }) deactivationReason: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Who deactivated it: the user id (token subject) or the tool's name.",
  })
  deactivatedBy: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The display name of who deactivated it (the user id when their token carried no name); null for units deactivated before names were recorded.",
  })
  deactivatedByName: string | null;
  @Field(() => Int, {
    description: "Optimistic-lock version: send it back as expectedVersion when changing the unit.",
  })
  version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@Cacheable("summary")
@ObjectType("StatisticsPost", {
  simpleResolvers: true,
  description: "R1: the unit's statistics work post (统计工作岗位).",
})
export class StatisticsPostType {
  @Field({ description: "Whether R1 requires this kind of unit to have a post." }) required: boolean;
  @Field() established: boolean;
  @Field(() => LocalDateResolver, { nullable: true }) establishedOn: string | null;
}

@Cacheable("structure")
@ObjectType("RegisterCountEntry", { simpleResolvers: true })
export class RegisterCountEntryType {
  @Field(() => Int) count: number;
  @Field(() => LocalDateResolver) asOf: string;
  @Field({ description: "Who recorded it: the user id (token subject) or the tool's name." })
  recordedBy: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The display name of who recorded it (the user id when their token carried no name); null for counts recorded before names were kept.",
  })
  recordedByName: string | null;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}

@ObjectType("MoveOrgUnitResult", { simpleResolvers: true })
export class MoveOrgUnitResultType {
  @Field(() => OrgUnitType) unit: OrgUnitType;
  @Field(() => Int, { description: "Descendants whose code and path were rewritten." })
  descendantsMoved: number;
}
