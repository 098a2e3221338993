import { Directive, Field, ObjectType } from "type-graphql";
import { InheritsCacheAge } from "./cache-hints";

/**
 * Relay-style page info, shared by every subgraph's connections (hence @shareable). Its cursors and
 * page sizes are plain code: `encodeCursor`, `decodeCursor`, `checkPageSize` in @grassroots/kit/validation.
 */
@Directive("@shareable")
@InheritsCacheAge()
@ObjectType("PageInfo")
export class PageInfoType {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** GraphQL lets clients send null for optional fields; the domain reads "absent" as undefined. */
export const opt = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
