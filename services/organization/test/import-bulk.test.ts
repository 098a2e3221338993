import { Access } from "@grassroots/kit";
import { policyFor } from "../src/domain/access-policy";
import { parseDivisionCsv } from "../src/domain/import/csv";
import { importDivisions, type ImportOptions } from "../src/domain/commands/import-divisions";
import { generatedDivisions } from "./support/generated-divisions";
import { as, DALATE, importOrdos, startHarness, type Harness } from "./support/harness";

/**
 * Issue 15: the division import's bulk path (staged rows, set-wise lookups and writes) gives what the
 * row-by-row path gives — the same report, units, ledger and events — in a fixed number of statements
 * per chunk of rows, and a failure leaves nothing behind.
 */

const LONG_NAME = "长".repeat(101);
/** One row of every kind of rejection, beside rows that apply (a rename, a new kind, new units). */
const BAD_FILE = [
  "code,name,kind,parent_code",
  "150621100000,树林召镇（新）,TOWN,150621000000", // renamed
  "150621200000,展旦召苏木,SUMU,150621000000", // re-kinded (TOWNSHIP ↔ SUMU range) if it exists, else new
  "150621100201,新民村,,150621100000", // kind inferred: VILLAGE
  "150621200201,乌兰嘎查,,", // parent from the code, kind inferred: GACHA
  "15062110020,短码,VILLAGE,150621100000", // malformed
  "150621100401,越界村,VILLAGE,150621100000", // out of the village range
  "150699100201,孤村,VILLAGE,150699100000", // unknown parent
  "150621100202,错类,COMMUNITY,150621100000", // kind vs range
  "150621100203,怪村,HAMLET,150621100000", // unknown kind
  "150621100201,重复,VILLAGE,150621100000", // repeated code
  "150621109000,怪镇,HAMLET,150621000000", // unknown kind, then its child:
  "150621109201,孤儿村,VILLAGE,150621109000", // its parent was rejected
  "150621100000,树林召镇,TOWN,150622000000", // repeated code (and another parent)
  "150621100204,村,VILLAGE,150622100000", // does not fit under the parent it names
  `150621100205,${LONG_NAME},VILLAGE,150621100000`, // name too long
  "150621100206,   ,VILLAGE,150621100000", // blank name
  "150622100000,薛家湾镇,TOWN,150621000000", // exists under another parent
  "150621000000,达拉特旗,DISTRICT,150600000000", // a kind outside its county's NBS numbering is allowed: changed
  "150621199000,新镇,TOWN,150600000000", // a town named directly under the city
  "150621110000,新园区,PARK,150621000000", // PARK outside 400–599
  "150621400000,新园区,PARK,150621000000", // a new park
  "150621400201,园区村,VILLAGE,150621400000", // under the new park, earlier in the file
  "000000000000,零,CITY,", // no province
  "159900000000,新城,CITY,", // a new city
  "159921000000,新旗,BANNER,159900000000",
  "159921000100,坏码,TOWN,159921000000", // village digits set under zero township digits
].join("\n");

interface Outcome {
  report: unknown;
  units: unknown[];
  ledger: unknown[];
  events: unknown[];
}

/** What an import left: its report, every unit, the R1 ledger and the outbox (times left out). */
async function outcomeOf(h: Harness, run: () => Promise<unknown>): Promise<Outcome> {
  const report = await run();
  const units = await h.dataSource.query(
    `SELECT id, code, name, kind, parent_id, path, depth, post_established, post_established_on, is_sample,
            active, version FROM org_unit ORDER BY code`,
  );
  const ledger = await h.dataSource.query(
    `SELECT rule, subject_unit_id, subject_unit_path, period, status, figures, reason
       FROM rule_status_published ORDER BY rule, subject_unit_id, period`,
  );
  const rows: { topic: string; key: string; type: string; source: string; subject: string; data: object }[] =
    await h.dataSource.query(`SELECT topic, key, type, source, subject, data FROM outbox ORDER BY seq`);
  // Per key in outbox order (what a consumer sees); asOf is when the row was written.
  const events = rows
    .map(({ data, ...row }) => ({ ...row, data: { ...data, asOf: "asOf" in data ? "(time)" : undefined } }))
    .sort((a, b) => (a.topic + a.key < b.topic + b.key ? -1 : a.topic + a.key > b.topic + b.key ? 1 : 0));
  return { report, units, ledger, events };
}

const importWith = (h: Harness, csv: string, options: Partial<ImportOptions>) =>
  importDivisions(h.services.uow, h.services.clock, parseDivisionCsv(csv), { actor: "test", ...options });

describe("#15: the bulk path and the row-by-row path give the same import", () => {
  let bulk: Harness;
  let rows: Harness;
  beforeAll(async () => {
    [bulk, rows] = await Promise.all([startHarness(), startHarness()]);
    await Promise.all([importOrdos(bulk.services), importOrdos(rows.services)]);
  });
  afterAll(() => Promise.all([bulk.stop(), rows.stop()]));

  it("#15: a bad file (every kind of rejection beside rows that apply) gets the same report line for line, and leaves the same units, ledger and events", async () => {
    const byBulk = await outcomeOf(bulk, () => importWith(bulk, BAD_FILE, { path: "bulk", chunkSize: 4 }));
    const byRows = await outcomeOf(rows, () => importWith(rows, BAD_FILE, { path: "rows", batchSize: 3 }));
    expect(byBulk.report).toEqual(byRows.report);
    const report = byBulk.report as { created: number; updated: number; rejected: { reason: string }[] };
    // The file does what it says: some rows apply, and the rejections are of many kinds.
    expect(report.created).toBeGreaterThanOrEqual(5);
    expect(report.updated).toBeGreaterThanOrEqual(2);
    const reasons = report.rejected.map((r) => r.reason).join("\n");
    for (const words of [
      "12 digits",
      "outside every village-level range",
      "unknown parent 150699100000",
      'unknown kind "HAMLET"',
      "appears more than once",
      "its parent 150621109000 was rejected",
      "does not fit under parent",
      "1 to 100 characters",
      "already exists under another parent",
      "cannot be placed under",
      "no province",
      "are zero",
    ])
      expect(reasons).toContain(words);
    expect(byBulk.units).toEqual(byRows.units);
    expect(byBulk.ledger).toEqual(byRows.ledger);
    expect(byBulk.events).toEqual(byRows.events);
  });

  it("#15: a BANNER_ADMIN's file (rows outside their area, their own banner, a new village) gets the same report by both paths", async () => {
    const csv = [
      "code,name,kind,parent_code",
      "150621100208,新村,VILLAGE,150621100000", // in the banner
      "150622100201,越界村,VILLAGE,150622100000", // under another banner's town
      "150622100000,薛家湾镇（改）,TOWN,150622000000", // renaming another banner's town
      "150621000000,达拉特旗（改）,BANNER,150600000000", // their own banner: only below it
      "150600000000,鄂尔多斯市,CITY,", // the city: not in their area
      "150699000000,新旗,BANNER,150600000000", // above their area
    ].join("\n");
    const dalateAdmin = async (h: Harness) => {
      const identity = as("BANNER_ADMIN", DALATE);
      const [home] = await h.dataSource.query(`SELECT path FROM org_unit WHERE code = $1`, [DALATE]);
      const access = new Access(identity, home.path);
      return { actor: identity.userId, policy: policyFor(access), area: access };
    };
    const byBulk = await outcomeOf(bulk, async () =>
      importWith(bulk, csv, { ...(await dalateAdmin(bulk)), path: "bulk" }),
    );
    const byRows = await outcomeOf(rows, async () =>
      importWith(rows, csv, { ...(await dalateAdmin(rows)), path: "rows" }),
    );
    expect(byBulk.report).toEqual(byRows.report);
    expect((byBulk.report as { rejected: unknown[] }).rejected).toHaveLength(5);
    expect(byBulk.units).toEqual(byRows.units);
    expect(byBulk.events).toEqual(byRows.events);
  });
});

describe("#15: a good file of 2,000 generated units", () => {
  let bulk: Harness;
  let rows: Harness;
  beforeAll(async () => {
    [bulk, rows] = await Promise.all([startHarness(), startHarness()]);
  });
  afterAll(() => Promise.all([bulk.stop(), rows.stop()]));

  it("#15: gives the same units (ids, paths, kinds), ledger and outbox events (type, key, data) by both paths; a second bulk import changes nothing", async () => {
    const csv = generatedDivisions("159800000000", 2000);
    const byBulk = await outcomeOf(bulk, () => importWith(bulk, csv, { path: "bulk", chunkSize: 600 }));
    const byRows = await outcomeOf(rows, () => importWith(rows, csv, { path: "rows", batchSize: 500 }));
    expect(byBulk.report).toEqual({ created: 2000, updated: 0, unchanged: 0, rejected: [] });
    expect(byBulk.report).toEqual(byRows.report);
    expect(byBulk.units).toHaveLength(2000);
    expect(byBulk.units).toEqual(byRows.units);
    expect(byBulk.ledger).toEqual(byRows.ledger);
    // 2,000 OrgUnitCreated and an R1 status for each of the 1,998 township- and village-level units.
    expect(byBulk.events).toHaveLength(2000 + 1998);
    expect(byBulk.events).toEqual(byRows.events);

    const before = await bulk.fingerprint();
    expect(await importWith(bulk, csv, { path: "bulk" })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2000,
      rejected: [],
    });
    expect(await bulk.fingerprint()).toBe(before);
  }, 300_000);
});

describe("#15: the bulk path's SQL statements and its failures", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const statements = async (cityCode: string, units: number, chunkSize: number) => {
    const csv = generatedDivisions(cityCode, units);
    const sent = await h.queries.count(() => importWith(h, csv, { path: "bulk", chunkSize }));
    return sent.length;
  };

  it("#15: a fixed number of statements per chunk: 1,000 and 10,000 rows in one chunk each cost the same; in chunks of 1,000 the cost grows by chunks, not rows", async () => {
    const oneChunk1k = await statements("159100000000", 1000, 10_000);
    const oneChunk10k = await statements("159200000000", 10_000, 10_000);
    expect(oneChunk10k).toBe(oneChunk1k);
    expect(oneChunk1k).toBeLessThan(20);

    const chunks1 = await statements("159300000000", 1000, 1000);
    const chunks2 = await statements("159400000000", 2000, 1000);
    const chunks10 = await statements("159500000000", 10_000, 1000);
    const perChunk = chunks2 - chunks1;
    expect(perChunk).toBeGreaterThan(0);
    expect(perChunk).toBeLessThan(10);
    expect(chunks10).toBe(chunks1 + 9 * perChunk);

    // The row-by-row path, for contrast: statements grow with the rows.
    const csv = generatedDivisions("159600000000", 1000);
    const rowByRow = await h.queries.count(() => importWith(h, csv, { path: "rows" }));
    expect(rowByRow.length).toBeGreaterThan(5000);
  }, 300_000);

  it("#15: a file of nothing but bad rows writes nothing and publishes nothing", async () => {
    const csv = [
      "code,name,kind,parent_code",
      "15062110020,短码,VILLAGE,",
      "150699100201,孤村,VILLAGE,150699100000",
      "150621100203,怪村,HAMLET,",
      "000000000000,零,CITY,",
      `157700000000,${LONG_NAME},CITY,`,
    ].join("\n");
    const before = await h.fingerprint();
    const report = await importWith(h, csv, { path: "bulk" });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(await h.fingerprint()).toBe(before);
  });

  it("#15: a failure in a later chunk rolls back the earlier ones: the whole file is one transaction (the row-by-row path keeps its earlier batches)", async () => {
    // A real database error on one unit of the second chunk, from a trigger this test installs.
    await h.dataSource.query(`CREATE FUNCTION refuse_unit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test: %', NEW.code; END $$`);
    await h.dataSource.query(`CREATE TRIGGER refuse_unit BEFORE INSERT ON org_unit FOR EACH ROW
      WHEN (NEW.code = '157121205050') EXECUTE FUNCTION refuse_unit()`);
    try {
      const csv = generatedDivisions("157100000000", 1000);
      expect(csv).toContain("157121205050,");
      const before = await h.fingerprint();
      await expect(importWith(h, csv, { path: "bulk", chunkSize: 300 })).rejects.toThrow(
        "refused by the test: 157121205050",
      );
      expect(await h.fingerprint()).toBe(before);

      await expect(importWith(h, csv, { path: "rows", batchSize: 300 })).rejects.toThrow(
        "refused by the test",
      );
      expect(await h.fingerprint()).not.toBe(before);
    } finally {
      await h.dataSource.query(`DROP TRIGGER refuse_unit ON org_unit`);
      await h.dataSource.query(`DROP FUNCTION refuse_unit()`);
    }
  }, 120_000);
});
