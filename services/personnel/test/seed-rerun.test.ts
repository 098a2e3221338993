import { ordosUnitStates, unitState, type OrgUnitStateFixture } from "@grassroots/testing";
import { randomUUID } from "node:crypto";
import { orgUnitViewOf } from "@grassroots/org-projection/units";
import { applyOrgUnitState } from "../src/domain/reactions/org-unit-projection";
import { parseResidentId } from "@grassroots/kit/validation";
import {
  MAX_POSTS_PER_UNIT,
  sampleIdNumber,
  samplePeople,
  samplePeopleOf,
} from "../src/domain/seed/sample-staff";
import { systemPolicy } from "../src/domain/access-policy";
import { registerStatisticianIn } from "../src/domain/commands/register-statistician";
import { seedStaff, type SeedReport } from "../src/domain/seed/seed";
import {
  cityAdmin,
  DALATE,
  idOf,
  newIdNumber,
  SHULINZHAO,
  startHarness,
  type Harness,
} from "./support/harness";
import { END } from "./support/operations";
import { storedPersonalData } from "./support/personal-data";

let h: Harness;

/** 达拉特旗 with its township-level units and two villages under each township (the tree of the first seed). */
function firstTree(): OrgUnitStateFixture[] {
  const real = ordosUnitStates();
  const banner = real.find((u) => u.code === DALATE)!;
  const mine = real.filter((u) => u.parentId === null || u.path.startsWith(banner.path));
  const villages = mine
    .filter((u) => ["TOWN", "TOWNSHIP", "SUMU"].includes(u.kind))
    .flatMap((t) =>
      [210, 220].map((n) =>
        unitState(t, `${t.code.slice(0, 9)}${n}`, `样例村${n}`, t.kind === "SUMU" ? "GACHA" : "VILLAGE"),
      ),
    );
  return [...mine, ...villages];
}

/** An import after the first seed: a township whose code sorts among the existing ones, and its villages. */
function imported(tree: OrgUnitStateFixture[]): OrgUnitStateFixture[] {
  const banner = tree.find((u) => u.code === DALATE)!;
  const township = unitState(banner, "150621108000", "新设镇", "TOWN");
  const shulinzhao = tree.find((u) => u.code === SHULINZHAO)!;
  return [
    township,
    ...[201, 202, 203].map((n) => unitState(township, `150621108${n}`, `新村${n}`, "VILLAGE")),
    // Villages with codes before the ones already seeded under 树林召镇.
    ...[101, 102].map((n) => unitState(shulinzhao, `150621100${n}`, `新村${n}`, "VILLAGE")),
  ];
}

const project = (states: OrgUnitStateFixture[]) =>
  h.services.uow.run(async (tx) => {
    for (const state of states) await applyOrgUnitState(tx, orgUnitViewOf(state), h.services.settings);
  });

/** Sample people per unit code: their ID numbers, names and phones, as stored. */
async function sampleByUnit(): Promise<Map<string, string[]>> {
  const stored = new Map((await storedPersonalData(h.dataSource)).map((p) => [p.id, p]));
  const rows: { code: string; person: string }[] = (
    await h.dataSource.query(
      `SELECT u.code, s.id, s.name FROM statistician s JOIN org_unit u ON u.id = s.registered_at_id WHERE s.is_sample`,
    )
  )
    .map((r: { code: string; id: string; name: string }) => {
      const { idNumber, phone } = stored.get(r.id)!;
      return { code: r.code, idNumber, person: `${idNumber} ${r.name} ${phone}` };
    })
    .sort((x: { code: string; idNumber: string }, y: { code: string; idNumber: string }) =>
      x.code === y.code ? (x.idNumber < y.idNumber ? -1 : 1) : x.code < y.code ? -1 : 1,
    );
  const byUnit = new Map<string, string[]>();
  for (const r of rows) byUnit.set(r.code, [...(byUnit.get(r.code) ?? []), r.person]);
  return byUnit;
}

/** Every row a user (not the seed) made or changed, and the sample post the user ended, as stored. */
const userRows = async (endedPostId: string) =>
  JSON.stringify(
    await h.dataSource.query(
      `SELECT 'statistician' AS t, to_jsonb(s) AS r FROM statistician s WHERE s.created_by <> 'seed'
       UNION ALL SELECT 'post', to_jsonb(a) FROM post_assignment a WHERE a.created_by <> 'seed' OR a.id = $1
       UNION ALL SELECT 'filing', to_jsonb(f) FROM filing f WHERE f.submitted_by <> 'seed'
       UNION ALL SELECT 'step', to_jsonb(t) FROM filing_step t WHERE t.actor <> 'seed'
       ORDER BY 1, 2`,
      [endedPostId],
    ),
  );

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe("#10.12: the seed is stable per unit and safe to run again", () => {
  it("#10.12: a unit's sample people depend on that unit alone, whatever other units there are", () => {
    const tree = firstTree().map(orgUnitViewOf);
    const more = [...tree, ...imported(firstTree()).map(orgUnitViewOf)];
    const alone = (units: typeof tree) =>
      samplePeople(units).filter((p) => tree.some((u) => u.id === p.unit.id));
    const strip = (people: ReturnType<typeof samplePeople>) =>
      people.map(({ unit, ...p }) => ({ ...p, unit: unit.code }));
    expect(strip(alone(more))).toEqual(strip(alone(tree)));
    for (const unit of tree) expect(strip(samplePeopleOf(unit))).toEqual(strip(alone([unit])));
    // Keys name the unit and the post's place; every person has a valid number of their own.
    const people = samplePeople(more);
    expect(people.every((p) => p.key.startsWith(`${p.unit.code}:`))).toBe(true);
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    for (const p of people) expect(() => parseResidentId(p.idNumber, "2026-01-01")).not.toThrow();
  });

  it("#10.12: invented ID numbers are distinct for distinct (unit code, post) pairs, at the extremes too", () => {
    const codes = ["150621000001", "150621999999", "150622100201", "150621100201", "150621100202"];
    const numbers = codes.flatMap((code) =>
      Array.from({ length: MAX_POSTS_PER_UNIT }, (_, n) => sampleIdNumber(code, n, n % 2 === 0)),
    );
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(() => parseResidentId(number, "2026-01-01")).not.toThrow();
    // The region code is the unit's own, the 17th digit the gender asked for.
    expect(sampleIdNumber("150622100201", 0, true).slice(0, 6)).toBe("150622");
    expect(parseResidentId(sampleIdNumber("150621999999", 5, false), "2026-01-01").gender).toBe("FEMALE");
    expect(() => sampleIdNumber("150621100201", MAX_POSTS_PER_UNIT, true)).toThrow();
  });

  it("#10.12: seed, units added and users' changes, seed again: no error, the same people, new units staffed, users' rows untouched", async () => {
    const tree = firstTree();
    await project(tree);
    const first: SeedReport = await seedStaff(h.services);
    expect(first.people).toBeGreaterThan(20);
    expect(first.alreadyThere).toBe(0);
    const before = await sampleByUnit();

    // Users at work: a real person registered and appointed (its filing left SUBMITTED), a sample post ended.
    const person = await h.register(SHULINZHAO, { name: "李用户" });
    await h.appoint(person, SHULINZHAO, "PART_TIME", "CONTRACT");
    const [post]: { id: string; version: number }[] = await h.dataSource.query(
      `SELECT a.id, a.version FROM post_assignment a JOIN statistician s ON s.id = a.statistician_id
        WHERE s.is_sample AND a.status = 'ACTIVE' ORDER BY a.id LIMIT 1`,
    );
    const ended = await h.call(
      END,
      {
        input: {
          requestId: randomUUID(),
          assignmentId: post.id,
          expectedVersion: post.version,
          endDate: "2026-06-01",
          reason: "调离",
        },
      },
      cityAdmin,
    );
    expect(ended.errors).toBeUndefined();
    const users = await userRows(post.id);

    const added = imported(tree);
    await project(added);
    const again = await seedStaff(h.services);

    expect(again.alreadyThere).toBe(first.people);
    expect(again.idNumberTaken).toBe(0);
    const after = await sampleByUnit();
    for (const [code, people] of before) expect(after.get(code)).toEqual(people);
    const expected = samplePeople(added.map(orgUnitViewOf));
    expect(expected.length).toBeGreaterThan(0);
    expect(again.people).toBe(first.people + expected.length);
    for (const unit of added) {
      const want = expected.filter((p) => p.unit.code === unit.code);
      expect(after.get(unit.code) ?? []).toEqual(
        want.map((p) => `${p.idNumber} ${p.name} ${p.phone}`).sort(),
      );
    }
    expect(await userRows(post.id)).toBe(users);
    expect(
      (await h.dataSource.query(`SELECT status FROM post_assignment WHERE id = $1`, [post.id]))[0].status,
    ).toBe("ENDED");

    // A third run finds everything there.
    const third = await seedStaff(h.services);
    expect(third.alreadyThere).toBe(again.people);
  }, 120_000);

  it("#10.12: people an earlier scheme seeded under the same keys (other ID numbers) stay as they are", async () => {
    const shulinzhao = firstTree().find((u) => u.code === SHULINZHAO)!;
    const village = unitState(shulinzhao, "150621100299", "旧样例村", "VILLAGE");
    await project([village]);
    const mine = samplePeopleOf(orgUnitViewOf(village));
    expect(mine.length).toBeGreaterThan(0);
    // As the seed of an earlier version registered them: the same keys, other numbers and names.
    await h.services.uow.run(async (tx) => {
      for (const [i, p] of mine.entries()) {
        await registerStatisticianIn(tx, systemPolicy("seed"), h.clock, {
          requestId: `seed:register:${p.key}`,
          orgUnitId: idOf(village.code),
          name: `样例统计员${String(9000 + i)}`,
          idNumber: newIdNumber("150621", i % 2 === 0),
          isSample: true,
        });
      }
    });
    const earlier = (await sampleByUnit()).get(village.code);
    const report = await seedStaff(h.services);
    expect(report.alreadyThere).toBe(report.people);
    expect((await sampleByUnit()).get(village.code)).toEqual(earlier);
  });
});
