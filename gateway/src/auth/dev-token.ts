import type { Role } from "@grassroots/kit";
import { SignJWT } from "jose";

/**
 * DEVELOPMENT ONLY. The HS256 secret `pnpm token` signs with when JWT_SECRET is unset; start the gateway
 * with the same JWT_SECRET to accept those tokens. Production verifies RS256 tokens from JWKS instead.
 */
export const DEV_JWT_SECRET = "grassroots-development-only-hs256-secret-not-for-production";

export interface DevTokenClaims {
  sub: string;
  roles: Role[];
  org: string;
  /** Display name (claim `name`), recorded on history rows beside `sub`. */
  name?: string;
}

export interface SigningSettings {
  secret: string;
  issuer: string;
  audience: string;
  /** Lifetime in seconds. */
  ttlSeconds: number;
}

export function signDevToken(claims: DevTokenClaims, settings: SigningSettings): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles, org: claims.org, ...(claims.name ? { name: claims.name } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + settings.ttlSeconds)
    .sign(new TextEncoder().encode(settings.secret));
}
