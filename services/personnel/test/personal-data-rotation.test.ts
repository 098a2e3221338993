import { orgUnitViewOf } from "@grassroots/org-projection/units";
import { createTestDatabase, waitFor, type TestDatabase } from "@grassroots/testing";
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { DataSource } from "typeorm";
import { createPersonnelDataSource } from "../src/db/data-source";
import { rotatePersonalDataKey } from "../src/db/personal-data-rotation";
import { applyOrgUnitState } from "../src/domain/reactions/org-unit-projection";
import { personalDataCipherOf } from "../src/personal-data/settings";
import { cityAdmin, idOf, newIdNumber, SHULINZHAO, testTree } from "./support/harness";
import { REGISTER, STATISTICIAN, UPDATE } from "./support/operations";
import { storedPersonalData } from "./support/personal-data";
import { startPersonnelOn, type PersonnelOn } from "./support/personnel-process";

const BUILT_CLI = resolve(__dirname, "../dist/cli/rotate-personal-data-key.js");
const REGISTERED = 20; // through the API, with phones
const BULK = 2_000; // through the store, a third without a phone
const key = () => randomBytes(32).toString("base64");
const [K1, K2, K3, HASH] = [key(), key(), key(), key()];
const settings = (keys: string, active: string) => ({
  PERSONAL_DATA_KEYS: keys,
  PERSONAL_DATA_ACTIVE_KEY: active,
  PERSONAL_DATA_HASH_KEY: HASH,
});
const KID1 = settings(`kid1:${K1}`, "kid1");
const KID1_KID2 = settings(`kid1:${K1},kid2:${K2}`, "kid2");
const KID2 = settings(`kid2:${K2}`, "kid2");
const KID2_KID3 = settings(`kid2:${K2},kid3:${K3}`, "kid3");

let db: TestDatabase;
let svc: PersonnelOn;
let registered: { id: string; idNumber: string; phone: string }[];

/** The service restarted with other keys (a rollout with a new Secret), on the same database. */
async function restart(keys: Record<string, string>) {
  await svc.stop();
  svc = await startPersonnelOn(db.url, keys);
}

/** How many ID numbers and phones are stored under each key id. */
const keyIds = async () =>
  Object.fromEntries(
    (
      await svc.running.dataSource.query(
        `SELECT kid, count(*)::int AS n FROM (
           SELECT split_part(id_number_cipher, ':', 2) AS kid FROM statistician
           UNION ALL SELECT split_part(phone_cipher, ':', 2) FROM statistician WHERE phone_cipher IS NOT NULL) v
         GROUP BY kid`,
      )
    ).map((r: { kid: string; n: number }) => [r.kid, r.n]),
  );

const read = async (id: string) => {
  const res = await svc.call(STATISTICIAN, { id }, cityAdmin);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.statistician as { idNumber: string; phone: string | null; version: number };
};

beforeAll(async () => {
  db = await createTestDatabase("personnel");
  svc = await startPersonnelOn(db.url, KID1);
  const services = svc.running.wiring.services;
  await services.uow.run(async (tx) => {
    for (const state of testTree()) await applyOrgUnitState(tx, orgUnitViewOf(state), services.settings);
  });
  registered = [];
  for (let i = 0; i < REGISTERED; i++) {
    const idNumber = newIdNumber();
    const phone = `1390000${String(1000 + i)}`;
    const res = await svc.call(
      REGISTER,
      { input: { requestId: randomUUID(), orgUnitId: idOf(SHULINZHAO), name: `轮换${i}`, idNumber, phone } },
      cityAdmin,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    registered.push({ id: res.data!.registerStatistician.id, idNumber, phone });
  }
  await services.uow.run(async (tx) => {
    for (let i = 0; i < BULK; i++)
      await tx.statisticians.insert({
        id: randomUUID(),
        name: `样例轮换${i}`,
        gender: "MALE",
        ethnicity: null,
        idNumber: newIdNumber(),
        birthDate: "1990-01-01",
        phone: i % 3 === 0 ? null : `1380000${String(1000 + (i % 9000))}`,
        education: null,
        title: null,
        notes: null,
        registeredAtId: idOf(SHULINZHAO),
        isSample: true,
        createdBy: "rotation-test",
        createdByName: null,
      });
  });
}, 180_000);
afterAll(async () => {
  await svc?.stop();
  await db?.drop();
});

const PHONES = REGISTERED + BULK - Math.ceil(BULK / 3);
const VALUES = REGISTERED + BULK + PHONES;

describe("#14 personal data at rest: key rotation without downtime", () => {
  it("rows written under kid1; with kid2 active the built command re-encrypts them all, they still read, and a second run has nothing to do", async () => {
    expect(await keyIds()).toEqual({ kid1: VALUES });
    const before = await storedPersonalData(svc.running.dataSource);
    const [{ stamp: stampBefore }] = await svc.running.dataSource.query(
      `SELECT md5(string_agg(id || ':' || version || ':' || updated_at, ',' ORDER BY id)) AS stamp FROM statistician`,
    );
    await restart(KID1_KID2);

    expect(existsSync(BUILT_CLI)).toBe(true); // pnpm --filter @grassroots/personnel build
    const run = () =>
      spawnSync(process.execPath, [BUILT_CLI, "--batch-size", "200"], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          DATABASE_URL: db.url,
          LOG_LEVEL: "silent",
          ...KID1_KID2,
        },
        encoding: "utf8",
      });
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const printed =
      /^re-encrypted (\d+) values \((\d+) statisticians\) under key kid2 in ([\d.]+) s; changed meanwhile and read again: 0; still under another key: 0\n$/.exec(
        first.stdout,
      );
    expect({ stdout: first.stdout, matched: printed !== null }).toMatchObject({ matched: true });
    expect(Number(printed![1])).toBe(VALUES);
    expect(Number(printed![2])).toBe(REGISTERED + BULK);
    const seconds = Number(printed![3]);
    process.stdout.write(
      `key rotation (built command, batches of 200): ${VALUES} values of ${REGISTERED + BULK} statisticians in ${seconds} s, ` +
        `${Math.round((REGISTERED + BULK) / Math.max(seconds, 0.1))} statisticians/s\n`,
    );
    expect(await keyIds()).toEqual({ kid2: VALUES });
    expect(await storedPersonalData(svc.running.dataSource)).toEqual(before);
    // No business change: versions and updated_at as they were (a client's expectedVersion stays valid).
    const [{ stamp }] = await svc.running.dataSource.query(
      `SELECT md5(string_agg(id || ':' || version || ':' || updated_at, ',' ORDER BY id)) AS stamp FROM statistician`,
    );
    expect(stamp).toBe(stampBefore);

    const again = run();
    expect(again.stdout).toMatch(/^re-encrypted 0 values \(0 statisticians\) under key kid2 in/);
    expect(again.status).toBe(0);

    // kid1 removed from PERSONAL_DATA_KEYS: the service still answers, in full for the city.
    await restart(KID2);
    for (const p of registered.slice(0, 5))
      expect(await read(p.id)).toMatchObject({ idNumber: p.idNumber, phone: p.phone });
    const res = await svc.call(
      `query { statisticians(first: 50) { totalCount edges { node { idNumber } } } }`,
      {},
      cityAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.statisticians.totalCount).toBe(REGISTERED + BULK);
    for (const { node } of res.data!.statisticians.edges) expect(node.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it("a rotation while the service writes loses nothing: a change made between its read and its write is kept, the rest follow", async () => {
    await restart(KID2_KID3);
    const rotator: DataSource = createPersonnelDataSource(
      db.url,
      2,
      personalDataCipherOf({ NODE_ENV: "test", ...KID2_KID3 }),
    );
    await rotator.initialize();
    try {
      const [raced, ...others] = registered;
      const { version: racedVersion } = await read(raced.id);
      let rotation: ReturnType<typeof rotatePersonalDataKey> | undefined;
      // A write holds the row (its transaction open) while the rotation, started meanwhile, reaches it.
      await svc.running.wiring.services.uow.run(async (tx) => {
        await tx.statisticians.update(raced.id, { phone: "13700000000" });
        rotation = rotatePersonalDataKey(rotator, { batchSize: 100 });
        await waitFor(
          async () =>
            (
              await svc.running.dataSource.query(
                `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE statistician s SET id_number_cipher%'`,
              )
            ).length > 0,
          "the rotation's update to wait for the open write",
          20_000,
          20,
        );
      });
      // Meanwhile the API keeps changing phones (each a new value under kid3).
      const last = new Map<string, string>();
      let done = false;
      const writes = (async () => {
        for (let round = 0; !done || round < 2; round++)
          for (const [i, p] of others.entries()) {
            const phone = `1360000${String(1000 + round * 100 + i).slice(-4)}`;
            const { version } = await read(p.id);
            const res = await svc.call(
              UPDATE,
              { input: { requestId: randomUUID(), id: p.id, expectedVersion: version, phone } },
              cityAdmin,
            );
            if (res.errors) throw new Error(JSON.stringify(res.errors));
            last.set(p.id, phone);
          }
      })();
      const report = await rotation!;
      done = true;
      await writes;
      process.stdout.write(
        `key rotation while writing: ${report.values} values of ${report.rows} statisticians in ${report.seconds} s ` +
          `(${Math.round(report.rows / Math.max(report.seconds, 0.1))} statisticians/s, batches of 100); ` +
          `changed meanwhile and read again: ${report.raced}\n`,
      );
      expect(report.raced).toBeGreaterThanOrEqual(1);
      // Every ID number re-encrypted here; phones too, but those the API rewrote first (already under kid3).
      expect(report).toMatchObject({ rows: REGISTERED + BULK, remaining: 0 });
      expect(report.values).toBeGreaterThan(VALUES - REGISTERED);
      expect(report.values).toBeLessThanOrEqual(VALUES);
      expect(await keyIds()).toEqual({ kid3: VALUES });
      // The write the rotation met is kept (once, by its own version bump), and so is every later one.
      expect(await read(raced.id)).toMatchObject({
        phone: "13700000000",
        idNumber: raced.idNumber,
        version: racedVersion + 1,
      });
      for (const p of others)
        expect(await read(p.id)).toMatchObject({ phone: last.get(p.id), idNumber: p.idNumber });
    } finally {
      await rotator.destroy();
    }
  });
});
