import { envBool, envInt, envPort, envUrl, loadConfig, logLevel, nodeEnv, tracingEnv } from "@grassroots/kit";
import { resolve } from "node:path";
import { z } from "zod";
import { defaultTrustedDocumentsPath } from "./trusted-documents/manifest";

/** Every subgraph the platform will have; `<NAME>_URL` overrides the URL composed into the supergraph. */
export const SubgraphNames = ["organization", "personnel", "training", "finance", "evaluation"] as const;
export type SubgraphName = (typeof SubgraphNames)[number];

const urlOverride = envUrl(["http", "https"]).optional();
const redisUrl = envUrl(["redis", "rediss"]);

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
    /** Identical subgraph query fetches in flight at once (same caller) share one request. */
    SUBGRAPH_FETCH_SHARING: envBool(true),
    // An import's 5 MB file arrives base64-encoded (~6.7 MB) inside the GraphQL request.
    BODY_LIMIT_BYTES: envInt(8_000_000, 1024),
    SHUTDOWN_TIMEOUT_MS: envInt(10000, 100),
    RESPONSE_CACHE_ENABLED: envBool(true),
    RESPONSE_CACHE_MAX_AGE_SECONDS: envInt(60, 1),
    RESPONSE_CACHE_MAX_MB: envInt(64, 1),
    /** Several replicas: answers and write generations in this Redis (empty: this process's memory). */
    RESPONSE_CACHE_REDIS_URL: z
      .string()
      .default("")
      .refine((v) => v === "" || redisUrl.safeParse(v).success, {
        message: "expected a redis or rediss URL (or empty: the in-memory cache)",
      }),
    RESPONSE_CACHE_REDIS_PREFIX: z.string().min(1).default("grassroots:gateway:"),
    /** The longest one Redis call may take before the request goes on uncached. */
    RESPONSE_CACHE_REDIS_TIMEOUT_MS: envInt(250, 10),
    /** Larger answers are not put in Redis. */
    RESPONSE_CACHE_REDIS_MAX_ENTRY_KB: envInt(1024, 1),
    /** `enforce`: only operations on the trusted-documents list run (production); `off`: any. */
    TRUSTED_DOCUMENTS: z.enum(["off", "enforce"]).default("off"),
    TRUSTED_DOCUMENTS_FILE: z.string().min(1).default(defaultTrustedDocumentsPath),
    // Overload protection; unset, on in production and off elsewhere (see the README): 0 turns one off.
    /** Operations per second each caller (token subject; IP when anonymous) may keep up. */
    RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).optional(),
    /** How many a caller may send at once before the rate applies (the token bucket's size). */
    RATE_LIMIT_BURST: optionalInt(1),
    /** Operations in flight at once in this process; more wait, taking turns by caller. */
    MAX_CONCURRENT_OPERATIONS: optionalInt(0),
    /** Of those, at most this many of one caller (default: half), so a flood leaves room for others. */
    MAX_CONCURRENT_PER_CALLER: optionalInt(1),
    /** The longest an operation waits for a turn before it is refused as OVERLOADED. */
    OPERATION_QUEUE_TIMEOUT_MS: envInt(1000, 0),
    /** Operations of one caller that may wait at once; more are refused at once. */
    OPERATION_QUEUE_PER_CALLER: envInt(20, 0),
    /** OpenTelemetry: OTLP endpoint (empty: off), sampling (see the kit's tracing-config). */
    ...tracingEnv,
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
  )
  .transform(withOverloadDefaults);

/** Generous for people (a page sends a few operations at once), far below what one client can flood with. */
export const PRODUCTION_OVERLOAD_DEFAULTS = {
  RATE_LIMIT_PER_SECOND: 20,
  RATE_LIMIT_BURST: 60,
  MAX_CONCURRENT_OPERATIONS: 100,
} as const;

function optionalInt(min: number) {
  return z.coerce.number().int().min(min).optional();
}

// Off outside production: the test suites and the load tests send many thousands of calls from one token.
function withOverloadDefaults<
  T extends {
    NODE_ENV: string;
    RATE_LIMIT_PER_SECOND?: number;
    RATE_LIMIT_BURST?: number;
    MAX_CONCURRENT_OPERATIONS?: number;
    MAX_CONCURRENT_PER_CALLER?: number;
  },
>(env: T) {
  const defaults = env.NODE_ENV === "production" ? PRODUCTION_OVERLOAD_DEFAULTS : undefined;
  const rate = env.RATE_LIMIT_PER_SECOND ?? defaults?.RATE_LIMIT_PER_SECOND ?? 0;
  const concurrent = env.MAX_CONCURRENT_OPERATIONS ?? defaults?.MAX_CONCURRENT_OPERATIONS ?? 0;
  return {
    ...env,
    RATE_LIMIT_PER_SECOND: rate,
    RATE_LIMIT_BURST: env.RATE_LIMIT_BURST ?? defaults?.RATE_LIMIT_BURST ?? Math.max(1, Math.ceil(rate * 3)),
    MAX_CONCURRENT_OPERATIONS: concurrent,
    MAX_CONCURRENT_PER_CALLER: env.MAX_CONCURRENT_PER_CALLER ?? Math.max(1, Math.ceil(concurrent / 2)),
  };
}

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
