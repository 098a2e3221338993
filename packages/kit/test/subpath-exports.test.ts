import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

// A package that depends on the kit, so its node_modules resolve "@grassroots/kit/…" as a service's do.
const DEPENDENT = resolve(__dirname, "../../events");
const HEAVY = ["@apollo/server", "typeorm", "type-graphql"];

/** Requires a subpath in a fresh node process (the built kit) and reports its exports and what it loaded. */
function load(specifier: string): { exports: string[]; loaded: string[] } {
  const script = `
    const mod = require(${JSON.stringify(specifier)});
    const loaded = Object.keys(require.cache).map((f) => f.split("node_modules/").pop());
    process.stdout.write(JSON.stringify({ exports: Object.keys(mod), loaded }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: DEPENDENT, encoding: "utf8" }));
}

describe("#9 the kit's face: plain subpaths for domain and rule code", () => {
  it.each([
    ["@grassroots/kit/errors", ["AppError", "badInput", "forbidden", "notFoundInArea", "isAppError"]],
    ["@grassroots/kit/identity", ["Access", "actorName", "maskIdNumber", "orgUnitIdForCode", "Roles"]],
    [
      "@grassroots/kit/validation",
      ["checkDate", "systemClock", "checkPageSize", "encodeCursor", "decodeCursor", "connectionOf", "isUuid"],
    ],
    ["@grassroots/kit/idempotency", ["checkRequestId", "fingerprintOf", "idempotent", "runOncePerRequest"]],
  ])("%s loads no Apollo, TypeORM or type-graphql and exports what domain code uses", (specifier, names) => {
    const { exports, loaded } = load(specifier);
    expect(exports).toEqual(expect.arrayContaining(names));
    for (const heavy of HEAVY) expect(loaded.filter((file) => file.startsWith(`${heavy}/`))).toEqual([]);
  });

  it("the check sees them: the root loads all three (the GraphQL bootstrap needs them)", () => {
    const { loaded } = load("@grassroots/kit");
    for (const heavy of HEAVY) expect(loaded.some((file) => file.startsWith(`${heavy}/`))).toBe(true);
  });

  it("the root still exports everything, the subpaths' functions among it (the same objects)", () => {
    const script = `
      const root = require("@grassroots/kit");
      const same = ["errors", "identity", "validation", "idempotency"].every((sub) => {
        const mod = require("@grassroots/kit/" + sub);
        return Object.keys(mod).every((name) => root[name] === mod[name]);
      });
      process.stdout.write(JSON.stringify({ same, server: typeof root.startSubgraphServer }));`;
    const out = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { cwd: DEPENDENT, encoding: "utf8" }),
    );
    expect(out).toEqual({ same: true, server: "function" });
  });
});
