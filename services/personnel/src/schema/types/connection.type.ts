import { connectionOf, PageInfoType } from "@grassroots/kit";
import { Field, Int, ObjectType } from "type-graphql";
import type { PostAssignment } from "../../domain/assignment";
import type { Filing } from "../../domain/filing";
import type { Page } from "../../domain/ports";
import type { Statistician } from "../../domain/statistician";
import { FilingType } from "./filing.type";
import { asType } from "./as-type";
import { PostAssignmentType, StatisticianType } from "./statistician.type";

@ObjectType("StatisticianEdge", { simpleResolvers: true })
export class StatisticianEdgeType {
  @Field() cursor: string;
  @Field(() => StatisticianType) node: Statistician;
  @Field(() => PostAssignmentType, {
    nullable: true,
    description: "On OrgUnit.statisticians: the post at that unit.",
  })
  assignment: PostAssignment | null;
}

@ObjectType("StatisticianConnection", { simpleResolvers: true })
export class StatisticianConnectionType {
  @Field(() => [StatisticianEdgeType]) edges: StatisticianEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}

@ObjectType("FilingEdge", { simpleResolvers: true })
export class FilingEdgeType {
  @Field() cursor: string;
  @Field(() => FilingType) node: Filing;
}

@ObjectType("FilingConnection", { simpleResolvers: true, description: "Filings, oldest submission first." })
export class FilingConnectionType {
  @Field(() => [FilingEdgeType]) edges: FilingEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}

export { decodeIdCursor } from "../../domain/queries";

export const statisticianConnection = (page: Page<Statistician>): StatisticianConnectionType =>
  connectionOf(
    page,
    "statistician",
    (s) => s.id,
    (node, cursor) => ({ cursor, node: asType(StatisticianType, node), assignment: null }),
  );

/** A unit's statisticians page through their posts: the cursor holds the post's id. */
export const unitStatisticianConnection = (
  page: Page<{ statistician: Statistician; assignment: PostAssignment }>,
): StatisticianConnectionType =>
  connectionOf(
    page,
    "assignment",
    (r) => r.assignment.id,
    (r, cursor) => ({
      cursor,
      node: asType(StatisticianType, r.statistician),
      assignment: asType(PostAssignmentType, r.assignment),
    }),
  );

export const filingConnection = (page: Page<Filing>): FilingConnectionType =>
  connectionOf(
    page,
    "filing",
    (f) => f.id,
    (node, cursor) => ({ cursor, node }),
  );
