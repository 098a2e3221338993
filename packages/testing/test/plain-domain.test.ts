import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expectPlainDomain } from "../src";

/** A throwaway src tree: file path → text. */
function srcTree(files: Record<string, string>): string {
  const src = join(mkdtempSync(join(tmpdir(), "plain-domain-")), "src");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

const trees: string[] = [];
const tree = (files: Record<string, string>) => {
  const src = srcTree(files);
  trees.push(dirname(src));
  return src;
};
afterAll(() => trees.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe("expectPlainDomain: the anatomy's check that domain and rule code is plain TypeScript", () => {
  it("follows relative imports out of domain/ and rules/ and returns every file it reached", () => {
    const src = tree({
      "domain/a.ts": `import { b } from "../events/b";\nimport { z } from "@grassroots/events/contracts";\n`,
      "rules/r.ts": `export { a } from "../domain/a";\n`,
      "events/b.ts": `import type { DataSource } from "typeorm";\nexport const b = 1;\n`,
    });
    expect(expectPlainDomain(src).sort()).toEqual(["domain/a.ts", "events/b.ts", "rules/r.ts"]);
  });

  it("fails on a package outside the allowed list, even one loaded through another src module", () => {
    const src = tree({
      "domain/a.ts": `import { b } from "../events/b";\n`,
      "rules/r.ts": `export const r = 1;\n`,
      "events/b.ts": `import { DataSource } from "typeorm";\nexport const b = 1;\n`,
    });
    expect(() => expectPlainDomain(src)).toThrow(/events\/b\.ts → typeorm/);
    expect(expectPlainDomain(src, ["typeorm"])).toContain("events/b.ts");
  });

  it("fails when the walk reaches db/ or schema/, or a relative import names no file", () => {
    const db = tree({ "domain/a.ts": `import "../db/store";\n`, "rules/r.ts": "", "db/store.ts": "" });
    expect(() => expectPlainDomain(db)).toThrow(/db\/store\.ts/);
    const missing = tree({ "domain/a.ts": `import { x } from "./gone";\n`, "rules/r.ts": "" });
    expect(() => expectPlainDomain(missing)).toThrow();
  });
});
