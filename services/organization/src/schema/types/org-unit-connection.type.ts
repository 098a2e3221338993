import { Cacheable, connectionOf, decodeCursor, PageInfoType } from "@grassroots/kit";
import { Field, Int, ObjectType } from "type-graphql";
import type { OrgUnit } from "../../domain/org-unit";
import type { Page } from "../../domain/ports";
import { OrgUnitType } from "./org-unit.type";

@Cacheable("structure")
@ObjectType("OrgUnitEdge", { simpleResolvers: true })
export class OrgUnitEdgeType {
  @Field() cursor: string;
  @Field(() => OrgUnitType) node: OrgUnit;
}

@Cacheable("structure")
@ObjectType("OrgUnitConnection", {
  simpleResolvers: true,
  description: "Units ordered by code; page with first/after.",
})
export class OrgUnitConnectionType {
  @Field(() => [OrgUnitEdgeType]) edges: OrgUnitEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}

/** Units are paged in code order: the cursor holds the code. */
export const decodeCodeCursor = (cursor: string | undefined | null) =>
  decodeCursor("code", cursor, /^\d{12}$/);

/** A page of units as the connection, each cursor holding the unit's code (the keyset). */
export const toConnection = (page: Page<OrgUnit>): OrgUnitConnectionType =>
  connectionOf(page, "code", (unit) => unit.code);
