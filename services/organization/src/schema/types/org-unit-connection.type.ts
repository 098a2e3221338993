import { Cacheable, decodeCursor, encodeCursor, PageInfoType } from "@grassroots/kit";
import { Field, Int, ObjectType } from "type-graphql";
import type { OrgUnit } from "../../domain/org-unit";
import type { Page } from "../../domain/ports";
import { OrgUnitType } from "./org-unit.type";

@Cacheable("structure")
@ObjectType("OrgUnitEdge")
export class OrgUnitEdgeType {
  @Field() cursor: string;
  @Field(() => OrgUnitType) node: OrgUnit;
}

@Cacheable("structure")
@ObjectType("OrgUnitConnection", { description: "Units ordered by code; page with first/after." })
export class OrgUnitConnectionType {
  @Field(() => [OrgUnitEdgeType]) edges: OrgUnitEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}

/** Units are paged in code order: the cursor holds the code. */
export const decodeCodeCursor = (cursor: string | undefined | null) =>
  decodeCursor("code", cursor, /^\d{12}$/);

export function toConnection(page: Page<OrgUnit>): OrgUnitConnectionType {
  const edges = page.items.map((node) => ({ cursor: encodeCursor("code", node.code), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
