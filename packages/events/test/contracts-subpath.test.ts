import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

// A package that depends on events, so "@grassroots/events/contracts" resolves as a service's does.
const DEPENDENT = resolve(__dirname, "../../testing");

describe("#9 @grassroots/events/contracts: the contracts as plain code for domain modules", () => {
  it("exports the contracts and their enums, loading no kafkajs, TypeORM, Apollo or type-graphql", () => {
    const script = `
      const mod = require("@grassroots/events/contracts");
      const root = require.cache && Object.keys(require.cache).map((f) => f.split("node_modules/").pop());
      process.stdout.write(JSON.stringify({ exports: Object.keys(mod), loaded: root, kinds: mod.OrgUnitKinds }));`;
    const out = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { cwd: DEPENDENT, encoding: "utf8" }),
    );
    expect(out.exports).toEqual(
      expect.arrayContaining(["OrgUnitCreated", "OrgUnitKinds", "allContracts", "defineEvent"]),
    );
    expect(out.kinds).toContain("GACHA");
    for (const heavy of ["kafkajs", "typeorm", "@apollo/server", "type-graphql"]) {
      expect(out.loaded.filter((file: string) => file.startsWith(`${heavy}/`))).toEqual([]);
    }
  });
});
