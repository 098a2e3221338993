import { z } from "zod";
import { unauthenticated } from "../errors/app-error";

export const Roles = ["CITY_ADMIN", "BANNER_ADMIN", "UNIT_CLERK", "FINANCE_OFFICER", "INSPECTOR"] as const;
export type Role = (typeof Roles)[number];

/** Who is calling: verified by the gateway from the JWT and forwarded to subgraphs. */
export interface Identity {
  userId: string;
  roles: Role[];
  /** The user's home org unit: the user acts only inside its subtree. */
  orgUnitId: string;
  /**
   * The user's display name (JWT claim `name`), stored beside `userId` on every history row and
   * workflow step so a record names a person, not a token subject. Optional: older tokens lack it.
   */
  name?: string;
}

export const identitySchema = z.object({
  userId: z.string().min(1),
  roles: z.array(z.enum(Roles)).min(1),
  orgUnitId: z.string().min(1),
  name: z.string().min(1).max(100).optional(),
});

/** Who to record as the actor of a change: the display name when the token carries one, else the subject. */
export function actorName(identity: Pick<Identity, "userId" | "name">): string {
  return identity.name ?? identity.userId;
}

/** Headers between gateway and subgraphs. The gateway strips any of these a client sends. */
export const Headers = {
  identity: "x-grassroots-identity",
  internalSecret: "x-grassroots-internal-secret",
  requestId: "x-request-id",
} as const;

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identitySchema.parse(identity)), "utf8").toString("base64url");
}

/** Decodes the identity header; a malformed header is UNAUTHENTICATED, never a partial identity. */
export function decodeIdentity(header: string): Identity {
  try {
    return identitySchema.parse(JSON.parse(Buffer.from(header, "base64url").toString("utf8")));
  } catch {
    throw unauthenticated("The forwarded identity is malformed.");
  }
}
