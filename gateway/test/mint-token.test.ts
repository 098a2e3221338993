import { ConfigError, loadConfig, orgUnitIdForCode, Roles } from "@grassroots/kit";
import { decodeJwt } from "jose";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { devEnvDefaults } from "../src/auth/dev-token";
import { AuthMessages, createTokenVerifier } from "../src/auth/verify-token";
import { devTokenEnvSchema, mintTokens, parseTtl, UsageError } from "../src/cli/mint-token";
import { loadGatewayConfig } from "../src/config";

// The local suite's gateway runs with infra/dev.env (infra/suite-up.sh sources it): it must accept
// what the CLI mints without any environment (#10.5: tokens signed with a built-in secret got 401).
const devGatewayVerifier = () => createTokenVerifier(loadGatewayConfig(devEnvDefaults()));

describe("minting development tokens", () => {
  test("--all mints one token per role, each at its sensible home, accepted by the gateway", async () => {
    const tokens = await mintTokens(["--all"], {});
    expect(tokens.map((t) => [t.role, t.org])).toEqual([
      ["CITY_ADMIN", orgUnitIdForCode("150600000000")],
      ["BANNER_ADMIN", orgUnitIdForCode("150621000000")],
      ["UNIT_CLERK", orgUnitIdForCode("150621001000")],
      ["FINANCE_OFFICER", orgUnitIdForCode("150600000000")],
      ["INSPECTOR", orgUnitIdForCode("150600000000")],
    ]);
    expect(tokens.map((t) => t.role).sort()).toEqual([...Roles].sort());
    const verify = devGatewayVerifier();
    for (const t of tokens) {
      const identity = await verify(`Bearer ${t.token}`);
      expect(identity).toEqual({
        userId: expect.stringMatching(/^dev-/),
        roles: [t.role],
        orgUnitId: t.org,
        name: expect.stringMatching(/（开发）$/),
      });
    }
  });

  test("a 12-digit division code given as --org becomes the org unit id", async () => {
    const [t] = await mintTokens(["--role", "UNIT_CLERK", "--org", "150621001000", "--sub", "clerk-42"], {});
    expect(t.org).toBe(orgUnitIdForCode("150621001000"));
    expect(await devGatewayVerifier()(`Bearer ${t.token}`)).toEqual({
      userId: "clerk-42",
      roles: ["UNIT_CLERK"],
      orgUnitId: orgUnitIdForCode("150621001000"),
    });
  });

  test("an org unit id given as --org is kept", async () => {
    const id = "0b0e5c6a-1d2f-5a3b-8c4d-5e6f7a8b9c0d";
    const [t] = await mintTokens(["--role", "INSPECTOR", "--org", id], {});
    expect(t.org).toBe(id);
  });

  test("--ttl sets the token's lifetime (default 8 hours)", async () => {
    expect(parseTtl("8h")).toBe(8 * 3600);
    expect(parseTtl("30m")).toBe(1800);
    expect(parseTtl("90")).toBe(90);
    const lifetime = (token: string) => {
      const { iat, exp } = decodeJwt(token);
      return exp! - iat!;
    };
    const [short] = await mintTokens(["--role", "CITY_ADMIN", "--org", "150600000000", "--ttl", "15m"], {});
    expect(lifetime(short.token)).toBe(900);
    const [standard] = await mintTokens(["--role", "CITY_ADMIN", "--org", "150600000000"], {});
    expect(lifetime(standard.token)).toBe(8 * 3600);
  });

  test("JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE are the gateway's settings", async () => {
    const env = { JWT_SECRET: "s".repeat(40), JWT_ISSUER: "ordos-test", JWT_AUDIENCE: "gw" };
    const [t] = await mintTokens(["--role", "CITY_ADMIN", "--org", "150600000000"], env);
    const verify = createTokenVerifier(loadGatewayConfig({ INTERNAL_SECRET: "0123456789abcdef", ...env }));
    await expect(verify(`Bearer ${t.token}`)).resolves.toMatchObject({ roles: ["CITY_ADMIN"] });
    await expect(devGatewayVerifier()(`Bearer ${t.token}`)).rejects.toThrow(AuthMessages.invalid);
  });

  test.each([
    [["--role", "MAYOR", "--org", "150600000000"], /--role must be one of/],
    [["--role", "CITY_ADMIN"], /--org is required/],
    [["--role", "CITY_ADMIN", "--org", "1506"], /12-digit division code/],
    [["--role", "CITY_ADMIN", "--org", "150600000000", "--ttl", "soon"], /--ttl soon/],
    [["--all", "--role", "CITY_ADMIN"], /leave out --role/],
    [["--colour", "red"], /Unknown option/],
  ])("bad arguments %j are refused with a usage message", async (argv, message) => {
    await expect(mintTokens(argv, {})).rejects.toThrow(UsageError);
    await expect(mintTokens(argv, {})).rejects.toThrow(message);
  });

  test("#10.5: the documented command, run with no environment, makes tokens the suite's gateway (infra/dev.env) accepts", async () => {
    // The built CLI, as the README documents it (the test command builds before it tests).
    const cli = join(__dirname, "..", "dist", "cli", "mint-token.js");
    const args = [cli, "--role", "BANNER_ADMIN", "--org", "150621000000", "--name", "王丽"];
    const out = execFileSync(process.execPath, args, {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    }).trim();
    const { token } = JSON.parse(out) as { token: string };
    await expect(devGatewayVerifier()(`Bearer ${token}`)).resolves.toEqual({
      userId: "dev-banner-admin",
      roles: ["BANNER_ADMIN"],
      orgUnitId: orgUnitIdForCode("150621000000"),
      name: "王丽",
    });
  });

  test("without JWT_SECRET and without infra/dev.env (a bundle) it refuses, naming what to set", () => {
    expect(devEnvDefaults("/nonexistent/dev.env")).toEqual({});
    expect(() => loadConfig(devTokenEnvSchema, {})).toThrow(
      /JWT_SECRET: required: set it, or run from a checkout that has infra\/dev.env/,
    );
  });

  test("never in production", async () => {
    await expect(mintTokens(["--all"], { NODE_ENV: "production" })).rejects.toThrow(ConfigError);
  });
});
