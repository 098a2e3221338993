import type { Role } from "@grassroots/kit";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { SignJWT } from "jose";

/**
 * DEVELOPMENT ONLY. `infra/dev.env` is the one source of the development settings: the local suite's
 * gateway runs with them (infra/suite-up.sh sources the file) and the token command falls back to them,
 * so a token minted without any environment is one the running suite accepts. Production verifies
 * RS256 tokens from JWKS instead, and a bundle or image has no infra/ folder, hence no fallback.
 */
export const DEV_ENV_FILE = resolve(__dirname, "..", "..", "..", "infra", "dev.env");

/** KEY=value lines of infra/dev.env (comments and blank lines skipped); empty when the file is absent. */
export function devEnvDefaults(file = DEV_ENV_FILE): Record<string, string> {
  if (!existsSync(file)) return {};
  const settings: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) settings[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return settings;
}

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
