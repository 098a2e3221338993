import { loadConfig, nodeEnv, orgUnitIdForCode, Roles, type Role } from "@grassroots/kit";
import { parseArgs } from "node:util";
import { z } from "zod";
import { devEnvDefaults, signDevToken } from "../auth/dev-token";
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER } from "../config";

// Usage: pnpm --filter @grassroots/gateway token --role UNIT_CLERK --org 150621001000 [--sub id] [--name 王丽] [--ttl 8h]
//        pnpm --filter @grassroots/gateway token --all
// Prints JSON lines {role, org, token}. Development only: signs HS256 with JWT_SECRET, or with the
// secret in infra/dev.env (the one the local suite's gateway uses) when JWT_SECRET is unset.

const USAGE =
  "usage: token --role ROLE --org <org unit id | 12-digit division code> [--sub USER] [--name NAME] [--ttl 8h]\n" +
  "       token --all [--ttl 8h]\n" +
  `roles: ${Roles.join(", ")}`;

export const devTokenEnvSchema = z.object({
  NODE_ENV: nodeEnv.refine((v) => v !== "production", "development tokens are never minted in production"),
  JWT_SECRET: z
    .string({ error: "required: set it, or run from a checkout that has infra/dev.env" })
    .min(32, "must be at least 32 characters"),
  JWT_ISSUER: z.string().min(1).default(DEFAULT_JWT_ISSUER),
  JWT_AUDIENCE: z.string().min(1).default(DEFAULT_JWT_AUDIENCE),
});

/** A sensible home unit per role for `--all` (division codes of Ordos). */
export const DEFAULT_HOMES: Record<Role, { code: string; place: string; name: string }> = {
  CITY_ADMIN: { code: "150600000000", place: "鄂尔多斯市", name: "市统计局管理员（开发）" },
  FINANCE_OFFICER: { code: "150600000000", place: "鄂尔多斯市", name: "市财政局财务（开发）" },
  INSPECTOR: { code: "150600000000", place: "鄂尔多斯市", name: "市督查员（开发）" },
  BANNER_ADMIN: { code: "150621000000", place: "达拉特旗", name: "达拉特旗统计局管理员（开发）" },
  UNIT_CLERK: { code: "150621001000", place: "工业街道", name: "工业街道统计员（开发）" },
};

export class UsageError extends Error {}

export interface MintedToken {
  role: Role;
  org: string;
  token: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An org unit id as given, or the id derived from a 12-digit division code. */
export function resolveOrg(value: string): string {
  if (/^\d{12}$/.test(value)) return orgUnitIdForCode(value);
  if (UUID.test(value)) return value.toLowerCase();
  throw new UsageError(`--org ${value}: expected an org unit id (UUID) or a 12-digit division code`);
}

/** "3600", "90s", "30m", "8h", "7d" → seconds. */
export function parseTtl(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value);
  if (!match || Number(match[1]) === 0)
    throw new UsageError(`--ttl ${value}: expected e.g. 3600, 30m, 8h or 7d`);
  return Number(match[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as "" | "s" | "m" | "h" | "d"];
}

export async function mintTokens(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<MintedToken[]> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: "string" },
        org: { type: "string" },
        sub: { type: "string" },
        name: { type: "string" },
        ttl: { type: "string", default: "8h" },
        all: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // The caller's environment wins over infra/dev.env, key by key.
  const config = loadConfig(devTokenEnvSchema, { ...devEnvDefaults(), ...env });
  const settings = {
    secret: config.JWT_SECRET,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: parseTtl(values.ttl),
  };
  const mint = async (role: Role, org: string, sub: string, name?: string): Promise<MintedToken> => ({
    role,
    org,
    token: await signDevToken({ sub, roles: [role], org, ...(name ? { name } : {}) }, settings),
  });

  if (values.all) {
    if (values.role || values.org || values.sub || values.name)
      throw new UsageError("--all mints one token per role: leave out --role, --org, --sub and --name");
    return Promise.all(
      Roles.map((role) =>
        mint(role, orgUnitIdForCode(DEFAULT_HOMES[role].code), devUser(role), DEFAULT_HOMES[role].name),
      ),
    );
  }
  if (!values.role || !(Roles as readonly string[]).includes(values.role)) {
    throw new UsageError(`--role must be one of ${Roles.join(", ")}`);
  }
  if (!values.org) throw new UsageError("--org is required (or use --all)");
  const role = values.role as Role;
  if (values.name !== undefined && !values.name.trim()) throw new UsageError("--name must not be empty");
  return [await mint(role, resolveOrg(values.org), values.sub ?? devUser(role), values.name?.trim())];
}

const devUser = (role: Role) => `dev-${role.toLowerCase().replace(/_/g, "-")}`;

if (require.main === module) {
  mintTokens(process.argv.slice(2)).then(
    (tokens) => process.stdout.write(tokens.map((t) => `${JSON.stringify(t)}\n`).join("")),
    (error: Error) => {
      console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error.message);
      process.exitCode = 1;
    },
  );
}
