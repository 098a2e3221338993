import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { queryDatabase, startSuite, testEnv, waitFor, type RunningSuite } from "@grassroots/testing";
import { appointNewcomer, DALATE, gatewayClient, importOrdosDivisions } from "../support/ordos-suite";

// Issue 14, "Rebuild": every service that projects org units loses its database (rebuilt empty, as
// after a lost volume) while its consumer group's offsets stay committed in Kafka, so replaying the
// topic from where it was gives it nothing. Organization's `republish-org-units` command then gives
// every projection back, equal to the original.

const ROOT = resolve(__dirname, "../../..");
const PROJECTING = ["personnel", "training", "finance", "evaluation"];
let suite: RunningSuite;
let bannerToken: string;
const gql = gatewayClient(
  () => suite,
  () => bannerToken,
);

/** A service's command line, as an operator runs it beside the service (its database and broker). */
function runCommand(service: string, command: string): string {
  return execFileSync(process.execPath, ["dist/main.js", command], {
    cwd: resolve(ROOT, "services", service),
    env: {
      ...process.env,
      DATABASE_URL: suite.databases[service].url,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
      KAFKA_TOPIC_PREFIX: suite.topicPrefix,
      INTERNAL_SECRET: testEnv.internalSecret,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
    },
    encoding: "utf8",
  }).trim();
}

/** Loses a service's database (dropped and created empty) while its consumer group's offsets stay in Kafka. */
async function loseDatabase(service: string): Promise<void> {
  await suite.kill(service);
  const { name } = suite.databases[service];
  await queryDatabase(adminUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
  await queryDatabase(adminUrl, `CREATE DATABASE "${name}"`);
  await suite.restart(service); // migrated empty; its consumer group resumes after the last offset
}

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
  bannerToken = await suite.token("BANNER_ADMIN", DALATE);
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

  for (const service of PROJECTING) await loseDatabase(service);
  await new Promise((r) => setTimeout(r, 3000));
  for (const service of PROJECTING) expect(await projection(service)).toEqual([]); // nothing comes back by itself

  const started = Date.now();
  const output = runCommand("organization", "republish-org-units");
  expect(output).toBe(`org units republished: ${units}`);
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

// Who serves where, as training, finance and evaluation project it from personnel's events.
const STAFF_PROJECTIONS: Record<string, string[]> = {
  training: ["statistician", "statistician_assignment"],
  finance: ["post_assignment"],
  evaluation: ["statistician", "statistician_assignment"],
};
const staffProjection = async (service: string) => {
  const out: Record<string, unknown[]> = {};
  for (const table of STAFF_PROJECTIONS[service])
    out[table] = await queryDatabase(
      suite.databases[service].url,
      `SELECT to_jsonb(t) - 'projected_at' AS row FROM ${table} t ORDER BY (to_jsonb(t) - 'projected_at')::text`,
    ).catch(() => []);
  return out;
};
const staffRows = (p: Record<string, unknown[]>) => Object.values(p).reduce((n, rows) => n + rows.length, 0);

it("#14 Rebuild: training's, finance's and evaluation's projections of who serves where, lost with their databases, are rebuilt by personnel's republish-staff equal to the originals", async () => {
  for (let n = 1; n <= 3; n++) await appointNewcomer(gql, `重建测试${n}`, 70 + n);
  const services = Object.keys(STAFF_PROJECTIONS);
  const originals: Record<string, Record<string, unknown[]>> = {};
  for (const service of services)
    originals[service] = await waitFor(
      async () => {
        const p = await staffProjection(service);
        // three people and their three posts (finance keeps the posts only)
        return staffRows(p) === (service === "finance" ? 3 : 6) ? p : undefined;
      },
      `${service} to project the three newcomers`,
      60_000,
      250,
    );
  for (const service of services) await loseDatabase(service);
  await new Promise((r) => setTimeout(r, 3000));
  for (const service of services) expect(staffRows(await staffProjection(service))).toBe(0);

  const started = Date.now();
  expect(runCommand("organization", "republish-org-units")).toMatch(/^org units republished: \d+$/);
  expect(runCommand("personnel", "republish-staff")).toBe(
    "staff republished: 3 statisticians, 3 assignments",
  );
  for (const service of services) {
    await waitFor(
      async () => staffRows(await staffProjection(service)) === staffRows(originals[service]),
      `${service} to rebuild who serves where`,
      60_000,
      100,
    );
    expect(await staffProjection(service)).toEqual(originals[service]);
  }
  process.stdout.write(
    `#14 rebuild (staff): 3 people and 3 posts republished; training, finance and evaluation equal to the originals ${Date.now() - started} ms after the commands started\n`,
  );
}, 240_000);
