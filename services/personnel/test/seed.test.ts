import { ordosUnitStates, unitState, type OrgUnitStateFixture } from "@grassroots/testing";
import { orgUnitViewOf } from "@grassroots/org-projection/units";
import { applyOrgUnitState } from "../src/domain/reactions/org-unit-projection";
import { parseResidentId } from "@grassroots/kit/validation";
import { seedStaff, type SeedReport } from "../src/domain/seed/seed";
import { evaluateStaffing } from "../src/domain/staffing";
import { startHarness, type Harness } from "./support/harness";
import { storedPersonalData } from "./support/personal-data";

let h: Harness;
let report: SeedReport;

/** The Ordos tree with village-level units under every township (as organization's seed makes them) and register counts. */
function seededTree(): OrgUnitStateFixture[] {
  const real = ordosUnitStates();
  const villages = real
    .filter((u) => ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"].includes(u.kind))
    .flatMap((t, i) =>
      Array.from({ length: 11 + (i % 2) }, (_, n) => {
        const community = t.kind === "SUBDISTRICT" || n < 2;
        const code = `${t.code.slice(0, 9)}${String(community ? n + 1 : 200 + n).padStart(3, "0")}`;
        return unitState(
          t,
          code,
          `样例${community ? "社区" : "村"}${n}`,
          community ? "COMMUNITY" : t.kind === "SUMU" ? "GACHA" : "VILLAGE",
        );
      }),
    );
  const counted = real.map((u, i) =>
    ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"].includes(u.kind)
      ? { ...u, registerCount: 300 + ((i * 7919) % 2300), registerAsOf: "2022-10-31" }
      : u,
  );
  return [...counted, ...villages];
}

beforeAll(async () => {
  h = await startHarness();
  const tree = seededTree();
  // The projection as organization's events build it (the same reaction, applied directly: faster than ~1,000 messages).
  await h.services.uow.run(async (tx) => {
    for (const state of tree) await applyOrgUnitState(tx, orgUnitViewOf(state), h.services.settings);
  });
  report = await seedStaff(h.services);
}, 300_000);
afterAll(() => h.stop());

describe("seed: sample staff for the Ordos tree", () => {
  it("registers 1,500–2,000 obviously sample statisticians with valid resident ID numbers", async () => {
    expect(report.people).toBeGreaterThanOrEqual(1500);
    expect(report.people).toBeLessThanOrEqual(2000);
    const idNumbers = new Map((await storedPersonalData(h.dataSource)).map((p) => [p.id, p.idNumber]));
    const people: { name: string; id_number: string; is_sample: boolean }[] = (
      await h.dataSource.query(`SELECT id, name, is_sample FROM statistician`)
    ).map((p: { id: string; name: string; is_sample: boolean }) => ({
      ...p,
      id_number: idNumbers.get(p.id)!,
    }));
    expect(people).toHaveLength(report.people);
    // 样例统计员 + the unit's code without province and city + the post's place: unique within the city.
    expect(people.every((p) => /^样例统计员\d{9}$/.test(p.name) && p.is_sample)).toBe(true);
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
    for (const p of people) expect(() => parseResidentId(p.id_number, "2026-01-01")).not.toThrow();
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
  });

  it("files every change but a few appointments (R5: their units overdue), activates the certified (R7) and leaves a few posts waiting for training", async () => {
    const statuses = Object.fromEntries(
      (await h.dataSource.query(`SELECT status, count(*)::int AS n FROM filing GROUP BY status`)).map(
        (r: { status: string; n: number }) => [r.status, r.n],
      ),
    );
    expect(Object.keys(statuses).sort()).toEqual(["FILED", "SUBMITTED"]);
    // about 2 % of the posts, never a departure's filing
    expect(statuses.SUBMITTED).toBeGreaterThan(5);
    expect(statuses.SUBMITTED).toBeLessThan(statuses.FILED / 20);
    const unfiled = await h.dataSource.query(`SELECT DISTINCT change FROM filing WHERE status = 'SUBMITTED'`);
    expect(unfiled).toEqual([{ change: "APPOINTMENT" }]);
    const posts = Object.fromEntries(
      (
        await h.dataSource.query(`SELECT status, count(*)::int AS n FROM post_assignment GROUP BY status`)
      ).map((r: { status: string; n: number }) => [r.status, r.n]),
    );
    expect(posts.PENDING_TRAINING).toBe(report.pendingTraining);
    expect(posts.PENDING_TRAINING).toBeGreaterThan(10);
    expect(posts.ENDED).toBe(report.former);
    expect(posts.ACTIVE).toBeGreaterThan(posts.PENDING_TRAINING * 10);
    const steps = await h.dataSource.query(
      `SELECT step, count(*)::int AS n FROM filing_step GROUP BY step ORDER BY step`,
    );
    expect(steps.map((s: { step: string }) => s.step)).toEqual(["FILE", "FORWARD", "SUBMIT"]);
  });

  it("leaves some units compliant and some not, at township and at village level", async () => {
    const units = await h.services.staffing.unitsWithCounts(
      (await h.services.units.projectedUnits()).map((u) => u.id),
      "",
    );
    const results = units
      .map(({ unit, counts }) => ({
        unit,
        result: evaluateStaffing(unit, counts, h.services.settings.thresholds),
      }))
      .filter((r) => r.result);
    const share = (kinds: string[]) => {
      const of = results.filter((r) => kinds.includes(r.unit.kind));
      return of.filter((r) => r.result!.compliant).length / of.length;
    };
    for (const kinds of [["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"], ["VILLAGE", "GACHA"], ["COMMUNITY"]]) {
      expect(share(kinds)).toBeGreaterThan(0.5);
      expect(share(kinds)).toBeLessThan(0.97);
    }
    const gapCodes = new Set(results.flatMap((r) => r.result!.gaps.map((g) => g.code)));
    expect([...gapCodes].sort()).toEqual([
      "R3_FULL_TIME_IN_ESTABLISHMENT",
      "R3_LARGE_REGISTER_STATISTICIANS",
      "R4_PARK_COMMUNITY_STATISTICIAN",
      "R4_VILLAGE_LIAISON",
    ]);
  });

  it("a second run changes nothing", async () => {
    const before = await h.fingerprint();
    const again = await seedStaff(h.services);
    expect(again.alreadyThere).toBe(report.people);
    expect(await h.fingerprint()).toBe(before);
  }, 120_000);
});
