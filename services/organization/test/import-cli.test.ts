import { createLogger } from "@grassroots/kit";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importDivisionsCommand } from "../src/cli/import-divisions";
import { ORDOS_CSV, startHarness, type Harness } from "./support/harness";

const BUILT_CLI = resolve(__dirname, "../dist/cli/import-divisions.js");
const BAD_ROW = "150621100401,越界村,VILLAGE,150621100000"; // out of the village range

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "import-cli-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await h.stop();
});

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("#10.6: the import command's exit code", () => {
  const logger = createLogger("import-cli-test", "silent");

  it("#10.6: 0 when every row applied, 2 when any row was rejected (the report is still printed)", async () => {
    const out: string[] = [];
    const clean = await importDivisionsCommand(h.dataSource, logger, ["--file", ORDOS_CSV], (t) =>
      out.push(t),
    );
    expect(clean).toBe(0);
    expect(out.join("")).toBe("created 98, updated 0, unchanged 0, rejected 0\n");

    out.length = 0;
    const withBadRow = file("bad.csv", `${readFileSync(ORDOS_CSV, "utf8").trimEnd()}\n${BAD_ROW}\n`);
    const rejected = await importDivisionsCommand(h.dataSource, logger, ["--file", withBadRow], (t) =>
      out.push(t),
    );
    expect(rejected).toBe(2);
    expect(out.join("")).toMatch(
      /^created 0, updated 0, unchanged 98, rejected 1\n {2}rejected line 100 \(150621100401\): /,
    );
  });

  it("#10.6: --dry-run prints the report, writes nothing, and still exits 2 on a rejected row", async () => {
    const before = await h.fingerprint();
    const out: string[] = [];
    const csv = file(
      "dry.csv",
      `code,name,kind,parent_code\n150621100201,新村,VILLAGE,150621100000\n${BAD_ROW}\n`,
    );
    expect(
      await importDivisionsCommand(h.dataSource, logger, ["--dry-run", "--file", csv], (t) => out.push(t)),
    ).toBe(2);
    expect(out.join("")).toMatch(
      /^dry run, nothing written: created 1, updated 0, unchanged 0, rejected 1\n/,
    );
    expect(await h.fingerprint()).toBe(before);
  });

  it("#10.6: the built CLI (node dist/cli/import-divisions.js) exits 2 with a rejected row and 0 without", () => {
    expect(existsSync(BUILT_CLI)).toBe(true); // pnpm --filter @grassroots/organization build
    const run = (path: string) =>
      spawnSync(process.execPath, [BUILT_CLI, "--file", path], {
        env: { PATH: process.env.PATH, DATABASE_URL: h.db.url, LOG_LEVEL: "silent" },
        encoding: "utf8",
      });
    const bad = run(file("cli-bad.csv", `code,name,kind,parent_code\n${BAD_ROW}\n`));
    expect(bad.stdout).toContain("rejected line 2 (150621100401)");
    expect(bad.status).toBe(2);
    const good = run(ORDOS_CSV);
    expect(good.stdout).toBe("created 0, updated 0, unchanged 98, rejected 0\n");
    expect(good.status).toBe(0);
  });
});
