import { ConfigError } from "@grassroots/kit";
import { defaultSupergraphPath, loadGatewayConfig, subgraphUrlOverrides } from "../src/config";

const minimal = { INTERNAL_SECRET: "0123456789abcdef", JWT_SECRET: "x".repeat(32) };

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("gateway configuration from the environment", () => {
  test("development defaults: port 4000, hs256, the committed supergraph file, limits 12/30/5000", () => {
    expect(loadGatewayConfig(minimal)).toMatchObject({
      NODE_ENV: "development",
      PORT: 4000,
      JWT_MODE: "hs256",
      JWT_ISSUER: "grassroots-dev",
      JWT_AUDIENCE: "grassroots",
      SUPERGRAPH_MODE: "file",
      SUPERGRAPH_PATH: defaultSupergraphPath,
      MAX_DEPTH: 12,
      MAX_ALIASES: 30,
      MAX_COST: 5000,
    });
    expect(defaultSupergraphPath).toMatch(/gateway[\\/]supergraph\.graphql$/);
  });

  test("a bad environment lists every problem, each naming its variable", () => {
    const problems = problemsOf({
      PORT: "eighty",
      INTERNAL_SECRET: "short",
      JWT_MODE: "hs256",
      MAX_DEPTH: "-1",
      MAX_COST: "lots",
      ORGANIZATION_URL: "ftp://example",
      SUPERGRAPH_MODE: "guess",
    });
    const named = problems.map((p) => p.split(":")[0]).sort();
    expect(named).toEqual(
      [
        "INTERNAL_SECRET",
        "JWT_SECRET",
        "MAX_COST",
        "MAX_DEPTH",
        "ORGANIZATION_URL",
        "PORT",
        "SUPERGRAPH_MODE",
      ].sort(),
    );
    expect(problems).toContain("INTERNAL_SECRET: must be at least 16 characters");
    expect(problems).toContain("JWT_SECRET: required when JWT_MODE=hs256");
  });

  test("JWT_SECRET shorter than 32 characters is refused", () => {
    expect(problemsOf({ ...minimal, JWT_SECRET: "too-short" })).toEqual([
      "JWT_SECRET: must be at least 32 characters",
    ]);
  });

  test("production refuses the development shared secret and introspection, and asks for JWKS", () => {
    const problems = problemsOf({ ...minimal, NODE_ENV: "production", SUPERGRAPH_MODE: "introspect" });
    expect(problems).toEqual([
      expect.stringMatching(/^JWT_MODE: hs256 .* development only/),
      expect.stringMatching(/^SUPERGRAPH_MODE: introspect is for development only/),
    ]);
  });

  test("jwks mode needs JWKS_URL and then no shared secret", () => {
    expect(problemsOf({ INTERNAL_SECRET: minimal.INTERNAL_SECRET, JWT_MODE: "jwks" })).toEqual([
      "JWKS_URL: required when JWT_MODE=jwks",
    ]);
    const config = loadGatewayConfig({
      NODE_ENV: "production",
      INTERNAL_SECRET: minimal.INTERNAL_SECRET,
      JWT_MODE: "jwks",
      JWKS_URL: "https://idp.example/.well-known/jwks.json",
    });
    expect(config.JWT_MODE).toBe("jwks");
  });

  test("<NAME>_URL overrides a subgraph's URL by name", () => {
    const config = loadGatewayConfig({ ...minimal, ORGANIZATION_URL: "http://organization:4001/graphql" });
    expect(subgraphUrlOverrides(config)).toEqual({ organization: "http://organization:4001/graphql" });
  });
});
