import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helm";

// The README's test command ends with infra/test-summary.js: the one line CI reads. A package whose
// Jest never wrote results (it crashed, or turbo stopped before it) must count as failed, or a run in
// which most packages never ran reads green (#10.0: "60 passed, 5 failed" counted 2 packages of 9).

function summarize(results: Record<string, object>) {
  const dir = mkdtempSync(join(tmpdir(), "test-results-"));
  for (const [name, r] of Object.entries(results))
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(r));
  const run = spawnSync("node", [join(ROOT, "infra/test-summary.js"), dir, ROOT], { encoding: "utf8" });
  return { status: run.status, lines: run.stdout.trim().split("\n") };
}

const ok = (passed: number) => ({ passed, failed: 0, skipped: 0, suitesFailed: 0 });

describe("#10.0 the test command's closing line (infra/test-summary.js)", () => {
  it("counts every workspace package with a test script, and one that wrote no results as failed", () => {
    const { status, lines } = summarize({ _grassroots_kit: ok(16), _grassroots_events: ok(13) });
    expect(lines).toContain("_grassroots_organization     did not run (no results): counted as 1 failed");
    expect(lines).toContain("_grassroots_charts           did not run (no results): counted as 1 failed");
    const missing = lines.filter((l) => l.includes("did not run")).length;
    expect(missing).toBeGreaterThanOrEqual(6);
    expect(lines.at(-1)).toBe(`tests: 29 passed, ${missing} failed`);
    expect(status).toBe(1);
  });

  it("passes when every package ran green, and fails on a suite that failed to run", () => {
    // Every package the summary expects, as it names them when none ran.
    const all = summarize({})
      .lines.filter((l) => l.includes("did not run"))
      .map((l) => l.split(/\s+/)[0]);
    expect(all).toEqual(
      expect.arrayContaining(["_grassroots_kit", "_grassroots_organization", "_grassroots_gateway"]),
    );
    const green = summarize(Object.fromEntries(all.map((n) => [n, ok(1)])));
    expect(green.lines.filter((l) => l.includes("did not run"))).toEqual([]);
    expect(green.status).toBe(0);
    const crashed = summarize({
      ...Object.fromEntries(all.map((n) => [n, ok(1)])),
      _grassroots_kit: { passed: 1, failed: 0, skipped: 0, suitesFailed: 1 },
    });
    expect(crashed.lines.at(-1)).toMatch(/^tests: \d+ passed, 1 failed$/);
    expect(crashed.status).toBe(1);
  });
});
