import "reflect-metadata";
import { AssignmentStarted, OrgUnitCreated, type EventContract, type EventData } from "@grassroots/events";
import { orgUnitIdForCode, type Clock } from "@grassroots/kit";
import {
  fingerprint as fingerprintTables,
  identityAt,
  ordosUnitStates,
  type OrgUnitStateFixture,
  OUTBOX_ROWS,
  startSubgraphHarness,
  type SubgraphHarness,
  waitForProjected,
} from "@grassroots/testing";
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { createFinanceDataSource } from "../../src/db/data-source";
import type { FinanceServices } from "../../src/domain/ports";
import { wireFinance } from "../../src/wire";

/** The business date the tests run on; `setToday` moves it (the R8 periodic check's tests). */
export const TODAY = "2026-06-30";
let today = TODAY;
export const testClock: Clock & { set(date: string): void } = {
  today: () => today,
  now: () => new Date(`${today}T04:00:00Z`),
  set: (date) => {
    today = date;
  },
};

export const CITY = "150600000000";
export const DONGSHENG = "150602000000"; // 东胜区 (DISTRICT)
export const DALATE = "150621000000"; // 达拉特旗
export const ZHUNGEER = "150622000000"; // 准格尔旗
export const SHULINZHAO = "150621100000"; // 树林召镇, a TOWN of 达拉特旗

export const idOf = orgUnitIdForCode;
export const as = identityAt;
export const cityOfficer = as("FINANCE_OFFICER", CITY);
export const dalateOfficer = as("FINANCE_OFFICER", DALATE);
export const zhungeerOfficer = as("FINANCE_OFFICER", ZHUNGEER);
export const cityAdmin = as("CITY_ADMIN", CITY);
export const dalateAdmin = as("BANNER_ADMIN", DALATE);

/** Every business table of this service, and the outbox. */
export const TABLES = [
  "budget_line",
  "budget_line_revision",
  "budget_instalment",
  "disbursement",
  "fiscal_year_closure",
  "rule_status_published",
  "award_programme",
  "award_rule_version",
  "allocation_round",
  "round_allocation",
  "round_payment",
  "round_step",
  "subsidy_standard",
  "subsidy_standard_item",
  "task_record",
  "subsidy_claim",
  "claim_line",
  "payment_batch",
  "idempotency_key",
  OUTBOX_ROWS,
];
export const fingerprint = (dataSource: DataSource) => fingerprintTables(dataSource, TABLES);

export interface AppointInput {
  unitCode: string;
  startDate?: string;
  endDate?: string | null;
  statisticianId?: string;
}

export interface Harness extends Pick<
  SubgraphHarness,
  "url" | "db" | "dataSource" | "queries" | "call" | "expectRefused" | "fingerprint" | "handled" | "stop"
> {
  services: FinanceServices;
  /** Sends an event as another service's relay would (key: the contract's key field unless given). */
  publish<C extends EventContract>(
    contract: C,
    data: EventData<C>,
    key?: string,
    eventId?: string,
  ): Promise<string>;
  /** Publishes the Ordos tree (organization's OrgUnitCreated events) and waits for the projection. */
  publishOrdos(): Promise<void>;
  /** Publishes more units (villages, say) and waits for them. */
  publishUnits(states: OrgUnitStateFixture[]): Promise<void>;
  /** Appoints people to posts (personnel's AssignmentStarted) and waits until the projection holds them. */
  appoint(people: AppointInput[]): Promise<{ statisticianId: string; assignmentId: string }[]>;
  /** Rows of a SQL query. */
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export const ordosStates = (): OrgUnitStateFixture[] => ordosUnitStates();
export const pathOfCode = (code: string): string => ordosStates().find((u) => u.code === code)!.path;

/**
 * The subgraph in-process through the same bootstrap and wiring as its process (src/wire.ts) on a
 * throwaway database, with its consumer and outbox relay on this file's own Kafka topics, on the
 * tests' business date.
 */
export async function startHarness(): Promise<Harness> {
  testClock.set(TODAY);
  const harness = await startSubgraphHarness({
    name: "finance",
    createDataSource: createFinanceDataSource,
    wire: (dataSource) => wireFinance(dataSource, { clock: testClock, r8CheckEveryMs: 3_600_000 }),
    tables: TABLES,
    kafka: true,
    poolSize: 10,
  });
  const { dataSource } = harness;
  const publish: Harness["publish"] = (contract, data, key, id) =>
    harness.publish(contract, data, { key, id });
  const rows = <T>(sql: string, params: unknown[] = []) => dataSource.query(sql, params) as Promise<T[]>;
  const published = new Map<string, OrgUnitStateFixture>();
  const publishUnits = async (states: OrgUnitStateFixture[]) => {
    for (const state of states) {
      await publish(OrgUnitCreated, state, state.id);
      published.set(state.code, state);
    }
    await waitForProjected(
      dataSource,
      "org_unit",
      states.map((u) => u.id),
      "the org projection",
    );
  };
  return {
    url: harness.url,
    db: harness.db,
    dataSource,
    services: harness.wiring.services,
    queries: harness.queries,
    call: harness.call,
    expectRefused: harness.expectRefused,
    fingerprint: harness.fingerprint,
    handled: harness.handled,
    publish,
    rows,
    publishOrdos: () => publishUnits(ordosStates()),
    publishUnits,
    async appoint(people) {
      const made = people.map((p) => ({
        statisticianId: p.statisticianId ?? randomUUID(),
        assignmentId: randomUUID(),
        input: p,
      }));
      for (const m of made) {
        await publish(AssignmentStarted, {
          assignmentId: m.assignmentId,
          statisticianId: m.statisticianId,
          orgUnitId: idOf(m.input.unitCode),
          orgUnitPath: published.get(m.input.unitCode)?.path ?? pathOfCode(m.input.unitCode),
          role: "PART_TIME",
          establishment: "IN_ESTABLISHMENT",
          status: "ACTIVE",
          startDate: m.input.startDate ?? "2025-01-01",
          endDate: m.input.endDate ?? null,
          version: 1,
        });
      }
      await waitForProjected(
        dataSource,
        "post_assignment",
        made.map((m) => m.assignmentId),
        "the posts in the projection",
      );
      return made.map(({ statisticianId, assignmentId }) => ({ statisticianId, assignmentId }));
    },
    stop: () => harness.stop(),
  };
}

export { expectError, outboxTypes } from "@grassroots/testing";
