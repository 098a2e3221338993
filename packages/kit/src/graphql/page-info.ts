import { Directive, Field, ObjectType } from "type-graphql";
import { badInput } from "../errors/app-error";
import { InheritsCacheAge } from "./cache-hints";

/** Relay-style page info, shared by every subgraph's connections (hence @shareable). */
@Directive("@shareable")
@InheritsCacheAge()
@ObjectType("PageInfo")
export class PageInfoType {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Cursors are opaque to clients; inside they are `<kind>:<sort key>`. */
export const encodeCursor = (kind: string, key: string) => Buffer.from(`${kind}:${key}`, "utf8").toString("base64url");

/** The sort key inside a cursor this API returned, or BAD_USER_INPUT naming the argument. */
export function decodeCursor(kind: string, cursor: string | undefined | null, keyPattern: RegExp, argument = "after"): string | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const key = text.startsWith(`${kind}:`) ? text.slice(kind.length + 1) : undefined;
  if (key === undefined || !keyPattern.test(key)) {
    throw badInput(`${argument} is not a cursor this API returned; pass endCursor from a previous page.`, argument);
  }
  return key;
}

/** GraphQL lets clients send null for optional fields; the domain reads "absent" as undefined. */
export const opt = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
