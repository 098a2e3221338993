import { ordosUnitStates, unitState, type OrgUnitStateFixture } from "@grassroots/testing";
import { orgUnitViewOf } from "@grassroots/org-projection/units";
import type { DataSource } from "typeorm";
import { systemPolicy } from "../src/domain/access-policy";
import { registerStatisticianIn } from "../src/domain/commands/register-statistician";
import { applyOrgUnitState } from "../src/domain/reactions/org-unit-projection";
import { samplePeople } from "../src/domain/seed/sample-staff";
import { seedStaff, type SeedReport } from "../src/domain/seed/seed";
import { seedStaffInBulk } from "../src/db/seed-bulk/seed-in-bulk";
import { DALATE, startHarness, type Harness } from "./support/harness";
import { storedPersonalData } from "./support/personal-data";

/** 达拉特旗 with its township-level units, each with three communities or villages, and register counts. */
function tree(): OrgUnitStateFixture[] {
  const real = ordosUnitStates();
  const banner = real.find((u) => u.code === DALATE)!;
  const mine = real
    .filter((u) => u.parentId === null || u.path.startsWith(banner.path))
    .map((u, i) =>
      ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"].includes(u.kind)
        ? { ...u, registerCount: 300 + ((i * 7919) % 2300), registerAsOf: "2022-10-31" }
        : u,
    );
  const villages = mine
    .filter((u) => ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"].includes(u.kind))
    .flatMap((t) =>
      [1, 201, 202].map((n) =>
        unitState(
          t,
          `${t.code.slice(0, 9)}${String(n).padStart(3, "0")}`,
          `样例村${n}`,
          n < 200 ? "COMMUNITY" : t.kind === "SUMU" ? "GACHA" : "VILLAGE",
        ),
      ),
    );
  return [...mine, ...villages];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;

/**
 * Everything the seed wrote, comparable across two databases: random ids replaced by what they stand
 * for (a person's name, their post's start, a filing's change), and times of "now" (commit times, not
 * the seed's business clock) replaced by <now>.
 */
async function written(ds: DataSource): Promise<Record<string, string[]>> {
  const label = new Map<string, string>();
  for (const r of await ds.query(`SELECT id, name FROM statistician`)) label.set(r.id, `S:${r.name}`);
  for (const r of await ds.query(
    `SELECT a.id, s.name, a.start_date::text AS start FROM post_assignment a JOIN statistician s ON s.id = a.statistician_id`,
  ))
    label.set(r.id, `A:${r.name}:${r.start}`);
  for (const r of await ds.query(
    `SELECT f.id, s.name, f.change FROM filing f JOIN statistician s ON s.id = f.statistician_id`,
  ))
    label.set(r.id, `F:${r.name}:${r.change}`);
  const recent = Date.now() - 3_600_000;
  const normal = (row: unknown) =>
    JSON.stringify(row)
      .replace(UUID, (id) => label.get(id) ?? id)
      .replace(ISO, (t) => (Date.parse(t) > recent ? "<now>" : t));
  const personal = new Map((await storedPersonalData(ds)).map((p) => [p.id, `${p.idNumber}/${p.phone}`]));
  const tables: Record<string, string> = {
    statistician: `SELECT id, name, gender, ethnicity, birth_date::text, education, title, notes, registered_at_id, is_sample, version, created_by FROM statistician`,
    post_assignment: `SELECT id, statistician_id, org_unit_id, role, establishment, status, start_date::text, end_date::text, end_reason, certificate_id, version FROM post_assignment`,
    filing: `SELECT * FROM filing`,
    filing_step: `SELECT filing_id, step, from_status, to_status, actor, at, note FROM filing_step`,
    pre_post_certificate: `SELECT certificate_id, certificate_number, statistician_id, session_id, completed_on::text, is_sample FROM pre_post_certificate`,
    staffing_status: `SELECT org_unit_id, compliant, gaps FROM staffing_status`,
    rule_status_published: `SELECT rule, subject_unit_id, subject_unit_path, period, status, figures, reason, as_of FROM rule_status_published`,
    // A fingerprint hashes the input, which names the person's random id but for a registration.
    idempotency_key: `SELECT request_id, operation, actor_id, result_id,
                             CASE WHEN operation = 'registerStatistician' THEN fingerprint END AS fingerprint
                        FROM idempotency_key`,
  };
  const out: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(tables))
    out[table] = ((await ds.query(sql)) as unknown[]).map(normal).sort();
  out.personalData = [...personal.entries()].map(([id, v]) => `${label.get(id)}=${v}`).sort();
  // The outbox in its order (the relay sends it so; per key it is what consumers see).
  out.outbox = ((await ds.query(`SELECT topic, key, type, data FROM outbox ORDER BY seq`)) as unknown[]).map(
    normal,
  );
  return out;
}

let row: Harness;
let bulk: Harness;
const reports: { row?: SeedReport; bulk?: SeedReport } = {};

/** The same projection in both, and in both the same person already holding one sample ID number. */
async function prepare(h: Harness): Promise<void> {
  const units = tree();
  await h.services.uow.run(async (tx) => {
    for (const state of units) await applyOrgUnitState(tx, orgUnitViewOf(state), h.services.settings);
  });
  const projected = await h.services.units.projectedUnits();
  const someone = samplePeople(projected.filter((u) => u.kind === "TOWN"))[1];
  await h.services.uow.run((tx) =>
    registerStatisticianIn(tx, systemPolicy("test"), h.clock, {
      requestId: "test:someone-else",
      orgUnitId: someone.unit.id,
      name: "另一人",
      idNumber: someone.idNumber,
    }),
  );
}

beforeAll(async () => {
  row = await startHarness();
  bulk = await startHarness();
  await Promise.all([prepare(row), prepare(bulk)]);
  reports.row = await seedStaff(row.services);
  // Chunks of 7 units: several transactions, a chunk boundary inside the tree.
  reports.bulk = await seedStaffInBulk(bulk.dataSource, bulk.services, undefined, 7);
}, 300_000);
afterAll(() => Promise.all([row?.stop(), bulk?.stop()]));

describe("#15: personnel's bulk seed writes what the row-by-row seed writes", () => {
  it("reports the same people, with the one whose ID number someone else holds skipped", () => {
    expect(reports.bulk).toEqual(reports.row);
    expect(reports.row!.people).toBeGreaterThan(40);
    expect(reports.row!.idNumberTaken).toBe(1);
  });

  it("writes the same rows, personal data sealed the same way, and the same events in the same order", async () => {
    const [a, b] = await Promise.all([written(row.dataSource), written(bulk.dataSource)]);
    expect(a.statistician.length).toBe(reports.row!.people); // + 另一人, − the skipped one
    expect(a.outbox.length).toBeGreaterThan(a.statistician.length * 4);
    for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
  });

  it("a second bulk run adds nothing and publishes nothing", async () => {
    const before = await written(bulk.dataSource);
    const again = await seedStaffInBulk(bulk.dataSource, bulk.services, undefined, 7);
    expect(again.alreadyThere).toBe(reports.row!.people - 1);
    expect(again.idNumberTaken).toBe(1);
    expect(await written(bulk.dataSource)).toEqual(before);
  });
});
