import { badInput } from "@grassroots/kit";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { OrgUnit } from "../../domain/org-unit";
import type { Page } from "../../domain/ports";
import { OrgUnitType } from "./org-unit.type";

@Directive("@shareable")
@ObjectType("PageInfo")
export class PageInfoType {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType("OrgUnitEdge")
export class OrgUnitEdgeType {
  @Field() cursor: string;
  @Field(() => OrgUnitType) node: OrgUnit;
}

@ObjectType("OrgUnitConnection", { description: "Units ordered by code; page with first/after." })
export class OrgUnitConnectionType {
  @Field(() => [OrgUnitEdgeType]) edges: OrgUnitEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}

/** Cursors are opaque to clients; inside they are the unit's code (the sort key). */
export const encodeCursor = (code: string) => Buffer.from(`code:${code}`, "utf8").toString("base64url");

export function decodeCursor(cursor: string | undefined | null): string | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^code:\d{12}$/.test(text)) throw badInput("after is not a cursor this API returned; pass endCursor from a previous page.", "after");
  return text.slice(5);
}

export function toConnection(page: Page<OrgUnit>): OrgUnitConnectionType {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(node.code), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
