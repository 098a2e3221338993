import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import {
  callGateway,
  queryDatabase as sql,
  startPrivateCluster,
  startSuite,
  testIdNumber,
  waitFor,
  type PrivateCluster,
  type RunningSuite,
} from "@grassroots/testing";
import { DALATE, importOrdosDivisions } from "../support/ordos-suite";
import { backupBytes, infraCommand, succeeded } from "../support/pg/backup-commands";
import { DALATE_TOWNS } from "../support/pg/write-load";

// Issue 14, "Backups": personnel's database backed up with infra/backup.sh while the suite runs,
// then lost; restored with infra/restore.sh into an empty private cluster and personnel started on
// it (same topic prefix and consumer group). Organization changes the tree after the backup and
// while personnel is down, so the restored personnel must catch up from Kafka — including what the
// lost database had already consumed after the backup.

let pgA: PrivateCluster;
let pgB: PrivateCluster | undefined;
let suite: RunningSuite;
let token: string;
const dir = join(mkdtempSync(join(tmpdir(), "grassroots-backup-")), "backup");
const started = Date.now();

const ask = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await callGateway(suite.gatewayUrl, query, variables, token, { "cache-control": "no-cache" });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};
const PEOPLE = `{ statisticians(first: 100) { edges { node { id name } } } }`;
const UNITS = `query ($b: ID!) { staffingGaps(bannerId: $b, includeCompliant: true) { unitsEvaluated units { unitCode unitName } } }`;
const units = async () => (await ask(UNITS, { b: idOf(DALATE) })).staffingGaps;
/** What personnel answers: its people and the units it knows from organization's events. */
const answers = async () => ({ people: await ask(PEOPLE), units: await units() });

/** Villages created through the gateway under 树林召镇, codes from `from`. */
async function createVillages(from: number, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = from; i < from + count; i++) {
    const code = `150621100${String(200 + i).padStart(3, "0")}`;
    await ask(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
      input: { parentId: idOf("150621100000"), code, name: `备份村${i}`, requestId: randomUUID() },
    });
    codes.push(code);
  }
  return codes;
}
const knows = (answer: { units: { unitCode: string }[] }, codes: string[]) =>
  codes.every((c) => answer.units.some((u) => u.unitCode === c));

beforeAll(async () => {
  pgA = await startPrivateCluster();
  suite = await startSuite(["organization", "personnel"], { postgres: pgA });
  token = await suite.token("CITY_ADMIN", "150600000000");
  importOrdosDivisions(suite);
  await waitFor(async () => (await units()).unitsEvaluated >= 17, "personnel to know 达拉特旗", 60_000, 250);
}, 180_000);
afterAll(async () => {
  await suite?.stop();
  await pgA?.destroy();
  await pgB?.destroy();
  rmSync(join(dir, ".."), { recursive: true, force: true });
  // eslint-disable-next-line no-console
  console.log(`#14 backup-restore: file ran ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

it("#14: personnel backed up, lost, restored into an empty cluster answers as before and catches up from Kafka — also what it had consumed after the backup", async () => {
  // data before the backup: people at the towns, villages personnel has learnt
  for (let n = 0; n < 6; n++)
    await ask(
      `mutation ($input: RegisterStatisticianInput!) { registerStatistician(input: $input) { id } }`,
      {
        input: {
          requestId: randomUUID(),
          orgUnitId: idOf(DALATE_TOWNS[n % DALATE_TOWNS.length]),
          name: `备份${n}号`,
          idNumber: testIdNumber("150621", 900_000 + n),
        },
      },
    );
  const first = await createVillages(1, 3);
  await waitFor(async () => knows(await units(), first), "personnel to know the first villages", 30_000, 200);

  const env = { PERSONNEL_DATABASE_URL: suite.databases.personnel.url };
  const backup = await infraCommand("backup.sh", ["personnel", dir], env);
  succeeded(backup);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const [{ name: migration }] = await sql<{ name: string }>(
    suite.databases.personnel.url,
    `SELECT name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1`,
  );
  expect(manifest.services).toEqual([
    expect.objectContaining({ service: "personnel", database: suite.databases.personnel.name, migration }),
  ]);

  // after the backup the running personnel consumes more of the tree (its group's offsets move on)
  const afterBackup = await createVillages(4, 2);
  await waitFor(
    async () => knows(await units(), afterBackup),
    "personnel to know later villages",
    30_000,
    200,
  );
  const before = await answers();

  // personnel is stopped and its database lost; an empty cluster takes the backup
  await suite.kill("personnel", "SIGTERM");
  pgB = await startPrivateCluster();
  const target = pgB.adminUrl().replace(/\/postgres$/, "");
  const restore = await infraCommand("restore.sh", [dir, target], {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? "127.0.0.1:19092",
    KAFKA_TOPIC_PREFIX: suite.topicPrefix,
  });
  succeeded(restore);
  // a second restore onto the now non-empty database is refused, and changes nothing
  const again = await infraCommand("restore.sh", ["--no-rewind", dir, target], {});
  expect(again.code).not.toBe(0);
  expect(again.output).toMatch(/not empty .*refusing to overwrite it \(--force/);

  // organization goes on while personnel is down
  const whileDown = await createVillages(6, 2);
  await suite.restart("personnel", { DATABASE_URL: pgB.adminUrl(suite.databases.personnel.name) });
  const up = Date.now();
  const caughtUp = await waitFor(
    async () => {
      const now = await answers();
      return knows(now.units, whileDown) && now;
    },
    "restored personnel to catch up",
    60_000, // its consumer may wait for the group coordinator of a busy broker
    200,
  );
  const catchUpMs = Date.now() - up;

  expect(caughtUp.people).toEqual(before.people);
  expect(knows(caughtUp.units, [...first, ...afterBackup, ...whileDown])).toBe(true);
  const without = (answer: typeof before.units, codes: string[]) => ({
    ...answer,
    unitsEvaluated: answer.unitsEvaluated - codes.length,
    units: answer.units.filter((u: { unitCode: string }) => !codes.includes(u.unitCode)),
  });
  expect(without(caughtUp.units, whileDown)).toEqual(before.units);

  // eslint-disable-next-line no-console
  console.log(
    [
      `#14 backup-restore: backup of personnel ${backupBytes(dir)} bytes in ${backup.ms} ms, restore into an empty cluster ${restore.ms} ms`,
      `  restored personnel caught up ${catchUpMs} ms after it was ready (${afterBackup.length} events it had consumed after the backup, ${whileDown.length} while it was down)`,
      ...restore.output
        .split("\n")
        .filter((l) => /offset|waiting/.test(l))
        .map((l) => `  ${l}`),
    ].join("\n"),
  );
}, 150_000);
