import { envBool, envInt, envPort, envUrl, loadConfig, logLevel, nodeEnv } from "@grassroots/kit";
import { resolve } from "node:path";
import { z } from "zod";

/** Every subgraph the platform will have; `<NAME>_URL` overrides the URL composed into the supergraph. */
export const SubgraphNames = ["organization", "personnel", "training", "finance", "evaluation"] as const;
export type SubgraphName = (typeof SubgraphNames)[number];

const urlOverride = envUrl(["http", "https"]).optional();

/** The committed supergraph, next to this package's package.json (same path from src/ and dist/). */
export const defaultSupergraphPath = resolve(__dirname, "..", "supergraph.graphql");

export const DEFAULT_JWT_ISSUER = "grassroots-dev";
export const DEFAULT_JWT_AUDIENCE = "grassroots";

export const gatewayEnvSchema = z
  .object({
    NODE_ENV: nodeEnv,
    PORT: envPort(4000),
    /** Interface to listen on: loopback by default (a laptop's network cannot reach it); pods set 0.0.0.0. */
    HOST: z.string().min(1).default("127.0.0.1"),
    LOG_LEVEL: logLevel,
    INTERNAL_SECRET: z.string().min(16, "must be at least 16 characters"),
    JWT_MODE: z.enum(["hs256", "jwks"]).default("hs256"),
    JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    JWKS_URL: envUrl(["http", "https"]).optional(),
    JWT_ISSUER: z.string().min(1).default(DEFAULT_JWT_ISSUER),
    JWT_AUDIENCE: z.string().min(1).default(DEFAULT_JWT_AUDIENCE),
    SUPERGRAPH_MODE: z.enum(["file", "introspect"]).default("file"),
    SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
    ORGANIZATION_URL: urlOverride,
    PERSONNEL_URL: urlOverride,
    TRAINING_URL: urlOverride,
    FINANCE_URL: urlOverride,
    EVALUATION_URL: urlOverride,
    MAX_DEPTH: envInt(12, 1),
    MAX_ALIASES: envInt(30, 0),
    MAX_COST: envInt(5000, 1),
    SUBGRAPH_TIMEOUT_MS: envInt(10000, 100),
    // An import's 5 MB file arrives base64-encoded (~6.7 MB) inside the GraphQL request.
    BODY_LIMIT_BYTES: envInt(8_000_000, 1024),
    SHUTDOWN_TIMEOUT_MS: envInt(10000, 100),
    RESPONSE_CACHE_ENABLED: envBool(true),
    RESPONSE_CACHE_MAX_AGE_SECONDS: envInt(60, 1),
    RESPONSE_CACHE_MAX_MB: envInt(64, 1),
  })
  .superRefine(
    (env, ctx) => {
      const production = env.NODE_ENV === "production";
      if (env.JWT_MODE === "hs256") {
        if (production) {
          ctx.addIssue({
            code: "custom",
            path: ["JWT_MODE"],
            message:
              "hs256 (shared secret) is for development only: set JWT_MODE=jwks and JWKS_URL in production",
          });
        }
        if (!env.JWT_SECRET) {
          ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "required when JWT_MODE=hs256" });
        }
      }
      if (env.JWT_MODE === "jwks" && !env.JWKS_URL) {
        ctx.addIssue({ code: "custom", path: ["JWKS_URL"], message: "required when JWT_MODE=jwks" });
      }
      if (production && env.SUPERGRAPH_MODE === "introspect") {
        ctx.addIssue({
          code: "custom",
          path: ["SUPERGRAPH_MODE"],
          message: "introspect is for development only: run from the composed supergraph file in production",
        });
      }
    },
    // zod skips refinements once a field fails to parse (PORT=abc): run anyway, so every problem is listed.
    { when: () => true },
  );

export type GatewayConfig = z.output<typeof gatewayEnvSchema>;

/** Parses the environment; throws the kit's ConfigError listing every problem. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayEnvSchema, env);
}

/** The `<NAME>_URL` overrides that are set, keyed by subgraph name. */
export function subgraphUrlOverrides(config: GatewayConfig): Partial<Record<SubgraphName, string>> {
  const overrides: Partial<Record<SubgraphName, string>> = {};
  for (const name of SubgraphNames) {
    const url = config[`${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`];
    if (url) overrides[name] = url;
  }
  return overrides;
}
