import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

describe("#9 @grassroots/org-projection/units: plain code for domain and rule modules", () => {
  it("exports the kinds, groups and describeUnit, loading no TypeORM, kafkajs, Apollo or type-graphql", () => {
    const script = `
      const mod = require("@grassroots/org-projection/units");
      const loaded = Object.keys(require.cache).map((f) => f.split("node_modules/").pop());
      process.stdout.write(JSON.stringify({ exports: Object.keys(mod), loaded }));`;
    // Node resolves a package's own name through its "exports" (self-reference): the built package.
    const cwd = resolve(__dirname, "..");
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" }));
    expect(out.exports).toEqual(
      expect.arrayContaining([
        "ORG_UNIT_KINDS",
        "TOWNSHIP_KINDS",
        "KINDS_BY_LEVEL",
        "describeUnit",
        "orgUnitViewOf",
      ]),
    );
    for (const heavy of ["typeorm", "kafkajs", "@apollo/server", "type-graphql"]) {
      expect(out.loaded.filter((file: string) => file.startsWith(`${heavy}/`))).toEqual([]);
    }
  });
});
