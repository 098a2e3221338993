import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import { callGateway, testIdNumber } from "@grassroots/testing";

// A steady write load through the gateway for the PostgreSQL fault tests: writers that each record
// what the suite acknowledged (an id) and what it refused (code and message), for the checks after.

/** 达拉特旗's towns: villages and communities are created under them, people registered at them. */
export const DALATE_TOWNS = [
  "150621100000",
  "150621101000",
  "150621102000",
  "150621103000",
  "150621104000",
  "150621105000",
  "150621106000",
  "150621107000",
];

export interface Refusal {
  status: number;
  code: string;
  message: string;
  stack: boolean;
}

export interface WriterLog {
  service: string;
  acknowledged: string[];
  /** When each acknowledgement arrived (epoch ms), in the order of `acknowledged`. */
  acknowledgedAt: number[];
  refused: Refusal[];
}

/** One write: the new record's id when acknowledged, else the refusal. */
type Write = (n: number) => Promise<{ id: string } | Refusal>;

async function gatewayWrite(
  url: string,
  token: string,
  query: string,
  input: Record<string, unknown>,
): Promise<{ id: string } | Refusal> {
  try {
    const res = await callGateway(url, query, { input }, token);
    const first = res.data && (Object.values(res.data)[0] as { id?: string } | null);
    if (!res.errors && first?.id) return { id: first.id };
    const error = res.errors?.[0];
    const extensions = (error?.extensions ?? {}) as Record<string, unknown>;
    return {
      status: res.status,
      code: String(extensions.code ?? "none"),
      message: error?.message ?? "",
      stack: JSON.stringify(res.errors ?? []).includes("stacktrace"),
    };
  } catch (error) {
    return { status: 0, code: "NO_ANSWER", message: String(error), stack: false };
  }
}

const CREATE_UNIT = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`;
const REGISTER = `mutation ($input: RegisterStatisticianInput!) { registerStatistician(input: $input) { id } }`;

/** Writer w (0–7) creates communities and villages under the towns in turn, codes of its own. */
export const createUnits =
  (url: () => string, token: () => string, w: number): Write =>
  (n) => {
    const town = DALATE_TOWNS[(w + n) % DALATE_TOWNS.length];
    const round = Math.floor(n / DALATE_TOWNS.length);
    if (round >= 45) throw new Error("writer ran out of codes");
    const seq = w * 45 + round + 1; // 001–360 of a town's 001–399
    const code = `${town.slice(0, 9)}${String(seq).padStart(3, "0")}`;
    const name = seq < 200 ? `负载${w}社区${seq}` : `负载${w}村${seq}`;
    return gatewayWrite(url(), token(), CREATE_UNIT, {
      parentId: idOf(town),
      code,
      name,
      requestId: randomUUID(),
    });
  };

/** Writer w registers people (ID numbers of its own range) at the towns in turn. */
export const registerPeople =
  (url: () => string, token: () => string, w: number): Write =>
  (n) =>
    gatewayWrite(url(), token(), REGISTER, {
      requestId: randomUUID(),
      orgUnitId: idOf(DALATE_TOWNS[n % DALATE_TOWNS.length]),
      name: `负载${w}号${n}`,
      idNumber: testIdNumber("150621", 500_000 + w * 20_000 + n),
    });

/**
 * Runs writers until `until` resolves; each writes one at a time with a short pause between.
 * `logs` fill as they go; `done` resolves with them when the writers have stopped.
 */
export function runWriters(
  writers: { service: string; write: Write }[],
  until: Promise<void>,
  pauseMs = 30,
): { logs: WriterLog[]; done: Promise<WriterLog[]> } {
  let stopped = false;
  void until.then(() => (stopped = true));
  const logs = writers.map(
    ({ service }) => ({ service, acknowledged: [], acknowledgedAt: [], refused: [] }) as WriterLog,
  );
  const done = Promise.all(
    writers.map(async ({ write }, i) => {
      const log = logs[i];
      for (let n = 0; !stopped; n++) {
        const result = await write(n);
        if ("id" in result) {
          log.acknowledged.push(result.id);
          log.acknowledgedAt.push(Date.now());
        } else log.refused.push(result);
        // a refused writer waits longer, as a client retrying would
        await new Promise((r) => setTimeout(r, "id" in result ? pauseMs : pauseMs * 5));
      }
      return log;
    }),
  );
  return { logs, done };
}
