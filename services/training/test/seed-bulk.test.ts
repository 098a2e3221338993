import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { SqlSeedReads } from "../src/db/repositories/seed.reads";
import { seedTrainingInBulk } from "../src/db/seed-bulk/seed-in-bulk";
import { seedTraining, type SeedReport } from "../src/domain/seed/seed";
import { DALATE, idOf, startHarness, type Harness } from "./support/harness";

const TOWNSHIPS = [
  "150602100000",
  "150621100000",
  "150621001000",
  "150622002000",
  "150603001000",
  "150627100000",
];

/** A stable id per name, so both databases project the same people. */
const idFor = (name: string) => {
  const h = createHash("sha1").update(`seed-bulk-test:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The Ordos tree, eight people at each of six townships (one pending training), and 达拉特旗's counter at 7. */
async function prepare(h: Harness): Promise<void> {
  await h.publishOrdos();
  await h.appoint(
    TOWNSHIPS.flatMap((unitCode, t) =>
      Array.from({ length: 8 }, (_, i) => ({
        statisticianId: idFor(`${t}-${i}`),
        unitCode,
        name: `样例${t}-${i}`,
        role: i === 0 ? ("FULL_TIME" as const) : ("PART_TIME" as const),
        status: i === 7 ? ("PENDING_TRAINING" as const) : ("ACTIVE" as const),
      })),
    ),
  );
  await h.dataSource.query(
    `INSERT INTO certificate_counter (organizer_unit_id, year, last_seq) VALUES ($1, 2026, 7)`,
    [idOf(DALATE)],
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;

/** What the seed wrote, with random ids replaced by what they stand for and commit times by <now>. */
async function written(ds: DataSource): Promise<Record<string, string[]>> {
  const label = new Map<string, string>();
  for (const r of await ds.query(`SELECT id, session_id, statistician_id FROM training_enrollment`))
    label.set(r.id, `E:${r.session_id}:${r.statistician_id}`);
  for (const r of await ds.query(`SELECT id, number FROM training_certificate`))
    label.set(r.id, `C:${r.number}`);
  const recent = Date.now() - 3_600_000;
  const normal = (row: unknown) =>
    JSON.stringify(row)
      .replace(UUID, (id) => label.get(id) ?? id)
      .replace(ISO, (t) => (Date.parse(t) > recent ? "<now>" : t));
  const tables: Record<string, string> = {
    training_session: `SELECT * FROM training_session`,
    training_enrollment: `SELECT * FROM training_enrollment`,
    training_certificate: `SELECT * FROM training_certificate`,
    certificate_counter: `SELECT * FROM certificate_counter`,
  };
  const out: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(tables))
    out[table] = ((await ds.query(sql)) as unknown[]).map(normal).sort();
  out.outbox = ((await ds.query(`SELECT topic, key, type, data FROM outbox ORDER BY seq`)) as unknown[]).map(
    normal,
  );
  return out;
}

let row: Harness;
let bulk: Harness;
const reports: { row?: SeedReport; bulk?: SeedReport } = {};

beforeAll(async () => {
  row = await startHarness();
  bulk = await startHarness();
  await prepare(row);
  await prepare(bulk);
  reports.row = await seedTraining(row.services, new SqlSeedReads(row.dataSource));
  // Chunks of ~5 enrolments: many transactions, certificate numbers continued from the stored counter.
  reports.bulk = await seedTrainingInBulk(
    bulk.dataSource,
    bulk.services,
    new SqlSeedReads(bulk.dataSource),
    undefined,
    5,
  );
}, 300_000);
afterAll(() => Promise.all([row?.stop(), bulk?.stop()]));

describe("#15: training's bulk seed writes what the row-by-row seed writes", () => {
  it("reports the same sessions, enrolments, results and certificates", () => {
    expect(reports.bulk).toEqual(reports.row);
    expect(reports.row).toMatchObject({ sessions: 2 + 3 * 9, alreadyThere: 0 });
    expect(reports.row!.certificates).toBeGreaterThan(0);
  });

  it("writes the same rows and the same events in the same order; 达拉特旗's numbers go on from its counter", async () => {
    const [a, b] = await Promise.all([written(row.dataSource), written(bulk.dataSource)]);
    expect(a.training_enrollment.length).toBe(reports.row!.enrollments);
    expect(a.outbox.length).toBeGreaterThan(a.training_enrollment.length);
    for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
    const [dalate] = await bulk.dataSource.query(
      `SELECT min(seq)::int AS first FROM training_certificate WHERE organizer_unit_id = $1`,
      [idOf(DALATE)],
    );
    expect(dalate.first).toBe(8);
  });

  it("a second bulk run adds nothing and publishes nothing", async () => {
    const before = await written(bulk.dataSource);
    const again = await seedTrainingInBulk(bulk.dataSource, bulk.services, new SqlSeedReads(bulk.dataSource));
    expect(again).toMatchObject({ sessions: 0, alreadyThere: 2 + 3 * 9, enrollments: 0 });
    expect(await written(bulk.dataSource)).toEqual(before);
  });
});
