import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { orgUnitIdForCode } from "@grassroots/kit";
import {
  callGateway,
  queryDatabase,
  testIdNumber,
  waitFor,
  type GraphQLResult,
  type RunningSuite,
} from "@grassroots/testing";

// What the end-to-end files share: the real Ordos tree imported into organization, and a banner
// bureau registering and appointing a newcomer through the gateway.

const ROOT = resolve(__dirname, "../../..");
const ORDOS_CSV = resolve(ROOT, "../shared/domain/ordos-divisions.csv");

export const DALATE = "150621000000"; // 达拉特旗
export const SHULINZHAO = "150621100000"; // 树林召镇, a town of 达拉特旗

/** Business dates in China (UTC+8), `offset` days from today. */
export const chinaDay = (offset = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** Organization's own import of the real divisions (its events then reach the other services). */
export function importOrdosDivisions(suite: RunningSuite): void {
  execFileSync(process.execPath, ["dist/cli/import-divisions.js", "--file", ORDOS_CSV], {
    cwd: resolve(ROOT, "services/organization"),
    env: { ...process.env, DATABASE_URL: suite.databases.organization.url, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
}

/** A GraphQL call through the gateway that throws on any error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Gql = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;
export function gatewayClient(suite: () => RunningSuite, defaultToken: () => string): Gql {
  return async (query, variables = {}, token = defaultToken()) => {
    const res = await callGateway(suite().gatewayUrl, query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
}

const REGISTER = `mutation ($input: RegisterStatisticianInput!) { registerStatistician(input: $input) { id } }`;
const APPOINT = `mutation ($input: AppointStatisticianInput!) { appointStatistician(input: $input) { assignment { id status } } }`;

/**
 * Registers a newcomer (the n-th invented ID number) and appoints them FULL_TIME at 树林召镇, where
 * without a pre-post certificate they stay PENDING_TRAINING. Retries the registration while personnel
 * still learns the tree from organization's events.
 */
export async function appointNewcomer(
  gql: Gql,
  name: string,
  n: number,
  startDate = chinaDay(-10),
): Promise<{ statisticianId: string; assignmentId: string }> {
  const { registerStatistician } = await waitFor(
    () =>
      gql(REGISTER, {
        input: {
          requestId: randomUUID(),
          orgUnitId: orgUnitIdForCode(SHULINZHAO),
          name,
          idNumber: testIdNumber("150621", n),
        },
      }).catch(() => undefined),
    "personnel to know 树林召镇",
    60000,
    500,
  );
  const { appointStatistician } = await gql(APPOINT, {
    input: {
      requestId: randomUUID(),
      statisticianId: registerStatistician.id,
      orgUnitId: orgUnitIdForCode(SHULINZHAO),
      role: "FULL_TIME",
      establishment: "IN_ESTABLISHMENT",
      startDate,
    },
  });
  return { statisticianId: registerStatistician.id, assignmentId: appointStatistician.assignment.id };
}

/**
 * Registers a person (the n-th invented ID number) and appoints them at any unit, retrying the
 * registration while personnel still learns that unit from organization's events.
 */
export async function appointAt(
  gql: Gql,
  unitCode: string,
  name: string,
  n: number,
  post: { role?: string; establishment?: string; startDate?: string } = {},
): Promise<{ statisticianId: string; assignmentId: string }> {
  const orgUnitId = orgUnitIdForCode(unitCode);
  const { registerStatistician } = await waitFor(
    () =>
      gql(REGISTER, {
        input: { requestId: randomUUID(), orgUnitId, name, idNumber: testIdNumber(unitCode.slice(0, 6), n) },
      }).catch(() => undefined),
    `personnel to know ${unitCode}`,
    60000,
    500,
  );
  const { appointStatistician } = await gql(APPOINT, {
    input: {
      requestId: randomUUID(),
      statisticianId: registerStatistician.id,
      orgUnitId,
      role: post.role ?? "FULL_TIME",
      establishment: post.establishment ?? "IN_ESTABLISHMENT",
      startDate: post.startDate ?? chinaDay(-10),
    },
  });
  return { statisticianId: registerStatistician.id, assignmentId: appointStatistician.assignment.id };
}

/**
 * Training's pre-post path for people waiting PENDING_TRAINING: the banner bureau (the token of `gql`)
 * plans, opens and completes a PRE_POST session they pass; training's certificate events then make
 * personnel activate their appointments (not awaited here).
 */
export async function passPrePostTraining(
  gql: Gql,
  bannerCode: string,
  statisticianIds: string[],
): Promise<void> {
  const { planTrainingSession: planned } = await gql(
    `mutation ($input: PlanTrainingSessionInput!) { planTrainingSession(input: $input) { id version } }`,
    {
      input: {
        organizerUnitId: orgUnitIdForCode(bannerCode),
        kind: "PRE_POST",
        title: "新上岗统计人员岗前培训",
        audience: "GRASSROOTS_STAFF",
        startDate: chinaDay(-3),
        endDate: chinaDay(-2),
        hours: 16,
        capacity: 20,
        place: "旗统计局会议室",
      },
    },
  );
  const { openTrainingSession: opened } = await gql(
    `mutation ($input: TrainingSessionStepInput!) { openTrainingSession(input: $input) { id version } }`,
    { input: { id: planned.id, expectedVersion: planned.version } },
  );
  for (const statisticianId of statisticianIds) {
    await waitFor(
      () =>
        gql(
          `mutation ($input: EnrollInTrainingSessionInput!) { enrollInTrainingSession(input: $input) { id } }`,
          { input: { sessionId: opened.id, statisticianId } },
        ).catch(() => undefined),
      "training to know the newcomer's post",
      30000,
      500,
    );
  }
  await gql(
    `mutation ($input: TrainingSessionStepInput!) { completeTrainingSession(input: $input) { id } }`,
    { input: { id: opened.id, expectedVersion: opened.version } },
  );
  await gql(
    `mutation ($input: RecordTrainingResultsInput!) { recordTrainingResults(input: $input) { statisticianId } }`,
    {
      input: {
        sessionId: opened.id,
        rows: statisticianIds.map((statisticianId) => ({
          statisticianId,
          hoursAttended: 16,
          result: "PASSED",
          score: 90,
        })),
      },
    },
  );
}

/** A fingerprint of tables of a suite database (by URL): equal before and after means nothing was written. */
export async function databaseFingerprint(url: string, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const t of tables) {
    const [row] = await queryDatabase<{ n: number; h: string }>(
      url,
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM ${t} t`,
    );
    parts.push(`${t}:${row.n}:${row.h}`);
  }
  return parts.join("|");
}

/**
 * A gateway call that must be refused: exactly one error with this code, and none of the tables of
 * the owning service's database changed (list its business tables and "outbox"). Returns the message.
 */
export async function expectRefusedThroughGateway(
  url: string,
  tables: string[],
  code: string,
  call: () => Promise<GraphQLResult>,
): Promise<string> {
  const before = await databaseFingerprint(url, tables);
  const result = await call();
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(await databaseFingerprint(url, tables)).toBe(before);
  return result.errors![0].message;
}
