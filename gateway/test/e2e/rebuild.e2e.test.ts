import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { queryDatabase, startSuite, testEnv, waitFor, type RunningSuite } from "@grassroots/testing";
import { importOrdosDivisions } from "../support/ordos-suite";

// Issue 14, "Rebuild": every service that projects org units loses its database (rebuilt empty, as
// after a lost volume) while its consumer group's offsets stay committed in Kafka, so replaying the
// topic from where it was gives it nothing. Organization's `republish-org-units` command then gives
// every projection back, equal to the original.

const ROOT = resolve(__dirname, "../../..");
const PROJECTING = ["personnel", "training", "finance", "evaluation"];
let suite: RunningSuite;

const adminUrl = `postgres://${testEnv.pgUser}:${testEnv.pgPassword}@${testEnv.pgHost}:${testEnv.pgPort}/postgres`;
const projection = (service: string) =>
  queryDatabase<Record<string, unknown>>(
    suite.databases[service].url,
    `SELECT id, code, name, kind, parent_id, path, depth, register_count, active, version
       FROM org_unit ORDER BY id`,
  ).catch(() => []); // while the rebuilt database is being migrated
const source = () =>
  queryDatabase<{ n: number }>(suite.databases.organization.url, `SELECT count(*)::int AS n FROM org_unit`);

beforeAll(async () => {
  suite = await startSuite(["organization", ...PROJECTING]);
}, 240_000);
afterAll(() => suite?.stop());

it("#14 Rebuild: projections rebuilt from organization's republished state equal the originals, though the consumers' offsets were kept", async () => {
  importOrdosDivisions(suite);
  const [{ n: units }] = await source();
  const originals: Record<string, unknown[]> = {};
  for (const service of PROJECTING) {
    originals[service] = await waitFor(
      async () => {
        const rows = await projection(service);
        return rows.length === units ? rows : undefined;
      },
      `${service} to project all ${units} units`,
      90_000,
      250,
    );
  }

  for (const service of PROJECTING) {
    await suite.kill(service);
    const { name } = suite.databases[service];
    await queryDatabase(adminUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
    await queryDatabase(adminUrl, `CREATE DATABASE "${name}"`);
    await suite.restart(service); // migrated empty; its consumer group resumes after the last offset
  }
  await new Promise((r) => setTimeout(r, 3000));
  for (const service of PROJECTING) expect(await projection(service)).toEqual([]); // nothing comes back by itself

  const started = Date.now();
  const output = execFileSync(process.execPath, ["dist/main.js", "republish-org-units"], {
    cwd: resolve(ROOT, "services/organization"),
    env: {
      ...process.env,
      DATABASE_URL: suite.databases.organization.url,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
      KAFKA_TOPIC_PREFIX: suite.topicPrefix,
      INTERNAL_SECRET: testEnv.internalSecret,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
    },
    encoding: "utf8",
  });
  expect(output.trim()).toBe(`org units republished: ${units}`);
  for (const service of PROJECTING) {
    await waitFor(
      async () => (await projection(service)).length === units,
      `${service} to rebuild its projection`,
      60_000,
      100,
    );
    expect(await projection(service)).toEqual(originals[service]);
  }
  process.stdout.write(
    `#14 rebuild: ${units} units republished; ${PROJECTING.length} projections equal the originals ${Date.now() - started} ms after the command started\n`,
  );
}, 240_000);
