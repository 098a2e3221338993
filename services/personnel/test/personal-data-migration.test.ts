import { createDataSource, createLogger, fingerprintOf, runMigrations } from "@grassroots/kit";
import { OrgUnitProjectionEntity, orgUnitViewOf } from "@grassroots/org-projection";
import { createTestDatabase, ordosUnitStates, type TestDatabase } from "@grassroots/testing";
import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { createPersonnelDataSource, entities, migrations } from "../src/db/data-source";
import { PersonalDataAtRest1764800000000 } from "../src/db/migrations/1764800000000-personal-data-at-rest";
import { bindPersonalDataCipher } from "../src/db/personal-data";
import { FINGERPRINT_PURPOSE, KeyedIdempotencyStore } from "../src/db/keyed-idempotency";
import { TypeOrmIdempotencyStore } from "@grassroots/kit";
import { createServices } from "../src/db/services";
import { cliConfigSchema, settingsOf } from "../src/config";
import { personalDataCipherOf } from "../src/personal-data/settings";
import { newIdNumber } from "./support/harness";
import { idNumberHashOf, storedPersonalData } from "./support/personal-data";

const ROWS = 2_500; // more than the migration's batch of 1,000
const logger = createLogger("personal-data-migration-test", "silent");
const keys = {
  NODE_ENV: "test",
  PERSONAL_DATA_KEYS: `kid1:${randomBytes(32).toString("base64")}`,
  PERSONAL_DATA_ACTIVE_KEY: "kid1",
  PERSONAL_DATA_HASH_KEY: randomBytes(32).toString("base64"),
};
const cipher = personalDataCipherOf(keys);
const city = orgUnitViewOf(ordosUnitStates()[0]);
const PLAIN_FINGERPRINT = fingerprintOf({ name: "旧0", idNumber: "150621199001011237" });

let db: TestDatabase;
let previous: DataSource;
let current: DataSource;
let people: { id: string; idNumber: string; phone: string | null }[];
let tableFileBefore: number;
let took = 0;

beforeAll(async () => {
  db = await createTestDatabase("personnel");
  // The database as the previous version left it: every migration but the new one, and plaintext rows.
  previous = bindPersonalDataCipher(
    createDataSource({
      url: db.url,
      poolSize: 2,
      entities,
      migrations: migrations.slice(0, migrations.indexOf(PersonalDataAtRest1764800000000)),
      applicationName: "personnel",
    }),
    cipher,
  );
  await previous.initialize();
  await runMigrations(previous, logger);
  await previous.manager.insert(OrgUnitProjectionEntity, city);
  people = Array.from({ length: ROWS }, (_, i) => ({
    id: randomUUID(),
    idNumber: newIdNumber(),
    phone: i % 3 === 0 ? null : `139${String(10_000_000 + i).slice(-8)}`,
  }));
  await previous.query(
    `INSERT INTO statistician (id, name, gender, id_number, birth_date, phone, registered_at_id, created_by)
     SELECT p.id, '旧' || p.n, 'MALE', p.id_number, '1990-01-01', p.phone, $5, 'before'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS p(id, id_number, phone, n)`,
    [
      people.map((p) => p.id),
      people.map((p) => p.idNumber),
      people.map((p) => p.phone),
      people.map((_, i) => i),
      city.id,
    ],
  );
  await previous.query(
    `INSERT INTO idempotency_key (request_id, operation, actor_id, fingerprint, result_id)
     VALUES ('before-1', 'registerStatistician', 'u', $1, $2)`,
    [PLAIN_FINGERPRINT, people[0].id],
  );
  [{ relfilenode: tableFileBefore }] = await previous.query(
    `SELECT relfilenode::int FROM pg_class WHERE relname = 'statistician'`,
  );
  await previous.destroy();

  // The new version starts: its migration runs with the configured keys.
  current = createPersonnelDataSource(db.url, 2, cipher);
  await current.initialize();
  const started = Date.now();
  await runMigrations(current, logger);
  took = (Date.now() - started) / 1000;
  process.stdout.write(`personal data migration: ${ROWS} statisticians encrypted in ${took.toFixed(2)} s\n`);
}, 120_000);
afterAll(async () => {
  if (current?.isInitialized) await current.destroy();
  await db?.drop();
});

describe("#14 personal data at rest: the migration encrypts existing rows and drops the plaintext", () => {
  it("no plaintext column is left, and no stored value contains an ID number or phone", async () => {
    const columns = (
      await current.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'statistician' ORDER BY 1`,
      )
    ).map((c: { column_name: string }) => c.column_name);
    expect(columns).not.toContain("id_number");
    expect(columns).not.toContain("phone");
    expect(columns).toEqual(expect.arrayContaining(["id_number_cipher", "id_number_hash", "phone_cipher"]));
    // The whole row as text, every row: none holds its own plaintext.
    const rows: { id: string; row: string }[] = await current.query(
      `SELECT id, s::text AS row FROM statistician s`,
    );
    expect(rows).toHaveLength(ROWS);
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const { id, row } of rows) {
      const p = byId.get(id)!;
      expect(row).not.toContain(p.idNumber);
      if (p.phone) expect(row).not.toContain(p.phone);
    }
    // The table was rewritten (a new file): the dropped columns' values are not kept in its rows.
    const [{ relfilenode }] = await current.query(
      `SELECT relfilenode::int FROM pg_class WHERE relname = 'statistician'`,
    );
    expect(relfilenode).not.toBe(tableFileBefore);
  });

  it("every value is under the active key id, opens to what was stored, and phones stay null where they were", async () => {
    const stored = await storedPersonalData(current);
    expect(stored).toEqual([...people].sort((a, b) => (a.id < b.id ? -1 : 1)));
    const kinds = await current.query(
      `SELECT split_part(id_number_cipher, ':', 2) AS kid, count(*)::int AS n, count(phone_cipher)::int AS phones
         FROM statistician GROUP BY 1`,
    );
    expect(kinds).toEqual([{ kid: "kid1", n: ROWS, phones: people.filter((p) => p.phone).length }]);
  });

  it("the ID number is unique by its keyed hash, and the service finds people by it", async () => {
    const services = createServices(current, settingsOf(cliConfigSchema.parse({ DATABASE_URL: db.url })));
    const someone = people[7];
    expect(
      await current.query(`SELECT id FROM statistician WHERE id_number_hash = $1`, [
        idNumberHashOf(current, someone.idNumber),
      ]),
    ).toEqual([{ id: someone.id }]);
    const found = await services.uow.run((tx) => tx.statisticians.idNumberHolder(someone.idNumber));
    expect(found).toMatchObject({ id: someone.id, idNumber: someone.idNumber, phone: someone.phone });
    const [read] = await services.statisticians.statisticians([someone.id], city.path);
    expect(read).toMatchObject({ idNumber: someone.idNumber, phone: someone.phone });
    // A second row with the same ID number (its hash) is refused by the database itself.
    await expect(
      current.query(
        `INSERT INTO statistician (id, name, gender, id_number_cipher, id_number_hash, birth_date, registered_at_id, created_by)
         SELECT $1, 'x', 'MALE', id_number_cipher, id_number_hash, birth_date, registered_at_id, 'x' FROM statistician WHERE id = $2`,
        [randomUUID(), someone.id],
      ),
    ).rejects.toMatchObject({ code: "23505" });
    // And a value that is not sealed is refused by its CHECK.
    await expect(
      current.query(`UPDATE statistician SET phone_cipher = '13912345678' WHERE id = $1`, [someone.id]),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("request fingerprints kept before are keyed now (HMAC), and a retry of such a request still matches", async () => {
    const [{ fingerprint }] = await current.query(
      `SELECT fingerprint FROM idempotency_key WHERE request_id = 'before-1'`,
    );
    expect(fingerprint).toBe(cipher.hash(PLAIN_FINGERPRINT, FINGERPRINT_PURPOSE));
    await current.transaction(async (manager) => {
      const store = new KeyedIdempotencyStore(new TypeOrmIdempotencyStore(manager), cipher);
      const key = { requestId: "before-1", operation: "registerStatistician", actorId: "u" };
      expect(await store.claim({ ...key, fingerprint: PLAIN_FINGERPRINT })).toMatchObject({
        fingerprint: PLAIN_FINGERPRINT,
        resultId: people[0].id,
      });
      // Other input under the same id does not match (the kit answers CONFLICT).
      const other = await store.claim({ ...key, fingerprint: fingerprintOf({ name: "别的" }) });
      expect(other?.fingerprint).not.toBe(fingerprintOf({ name: "别的" }));
    });
  });
});
