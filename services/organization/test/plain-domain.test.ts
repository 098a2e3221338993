import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const HEAVY = ["@apollo/server", "@apollo/subgraph", "typeorm", "type-graphql", "kafkajs"];

/** The built form of every module in src/domain and src/rules (not stale files dist may still hold). */
const modules = ["domain", "rules"].flatMap((dir) =>
  readdirSync(join(ROOT, "src", dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join("dist", dir, file.replace(/\.ts$/, ".js"))),
);

/** Requires the modules in a fresh node process and lists the packages that got loaded. */
function packagesLoadedBy(files: string[]): string[] {
  const script = `
    for (const file of ${JSON.stringify(files)}) require(require("node:path").resolve(file));
    const names = Object.keys(require.cache).filter((f) => f.includes("node_modules/")).map((f) => {
      const parts = f.split("node_modules/").pop().split("/");
      return parts[0].startsWith("@") ? parts[0] + "/" + parts[1] : parts[0];
    });
    process.stdout.write(JSON.stringify([...new Set(names)]));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }));
}

describe("#9: domain and rule code is plain TypeScript", () => {
  it("#9: src/domain and src/rules load no Apollo, TypeORM, type-graphql or kafkajs at run time (the kit's and the contracts' plain subpaths only)", () => {
    for (const file of modules) expect(existsSync(join(ROOT, file))).toBe(true); // pnpm --filter @grassroots/organization build
    const loaded = packagesLoadedBy(modules);
    expect(loaded).toContain("zod"); // the event contracts: the check sees packages
    for (const heavy of HEAVY) expect(loaded).not.toContain(heavy);
  });
});
