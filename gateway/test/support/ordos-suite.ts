import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { orgUnitIdForCode } from "@grassroots/kit";
import { callGateway, testIdNumber, waitFor, type RunningSuite } from "@grassroots/testing";

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
