import { Roles, type Identity } from "@grassroots/kit";
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyOptions } from "jose";
import { z } from "zod";
import type { GatewayConfig } from "../config";
import { VerifiedTokens } from "./verified-tokens";

/** Why a request carries no usable identity; the message is what a clerk sees. */
export class AuthenticationFailure extends Error {
  constructor(
    message: string,
    /** For the log only: jose's reason, never shown to the caller. */
    readonly reason: string,
  ) {
    super(message);
    this.name = "AuthenticationFailure";
  }
}

export const AuthMessages = {
  missing: "Sign in first: this request carries no access token.",
  expired: "Sign in again: your session has expired.",
  invalid: "Sign in again: your access token is not valid.",
  incomplete: "Sign in again: your access token does not name your roles and home unit.",
} as const;

/** Our own claims; iss, aud and exp are checked by jose. */
const grassrootsClaims = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(Roles)).min(1),
  org: z.string().min(1),
  // The display name recorded beside the subject on history rows; a malformed one is dropped, not fatal.
  name: z.string().trim().min(1).max(100).optional().catch(undefined),
});

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

/** HS256 with a shared secret (development) or RS256 from the identity provider's JWKS (production). */
export function createTokenVerifier(config: GatewayConfig): TokenVerifier {
  const options = (algorithm: string): JWTVerifyOptions => ({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: [algorithm],
    requiredClaims: ["exp", "sub"],
    clockTolerance: 5,
  });
  let verify: (token: string) => Promise<{ payload: unknown }>;
  if (config.JWT_MODE === "jwks") {
    // jose caches the key set and refetches it when a token names an unknown key id (key rotation).
    const keySet = createRemoteJWKSet(new URL(config.JWKS_URL!));
    verify = (token) => jwtVerify(token, keySet, options("RS256"));
  } else {
    const secret = new TextEncoder().encode(config.JWT_SECRET!);
    verify = (token) => jwtVerify(token, secret, options("HS256"));
  }

  const verified = new VerifiedTokens();
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) throw new AuthenticationFailure(AuthMessages.missing, "no bearer token");
    const known = verified.get(token);
    if (known) return known;
    let payload: unknown;
    try {
      payload = (await verify(token)).payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new AuthenticationFailure(AuthMessages.expired, error.message);
      throw new AuthenticationFailure(AuthMessages.invalid, (error as Error).message);
    }
    const claims = grassrootsClaims.safeParse(payload);
    if (!claims.success) {
      throw new AuthenticationFailure(
        AuthMessages.incomplete,
        claims.error.issues.map((i) => i.message).join("; "),
      );
    }
    const { sub, roles, org, name } = claims.data;
    const identity: Identity = { userId: sub, roles, orgUnitId: org, ...(name ? { name } : {}) };
    verified.keep(token, identity, (payload as { exp: number }).exp);
    return identity;
  };
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}
