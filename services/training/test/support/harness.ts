import "reflect-metadata";
import {
  AssignmentStarted,
  OrgUnitCreated,
  StatisticianRegistered,
  type EventContract,
  type EventData,
  type PeriodicTask,
} from "@grassroots/events";
import { type Clock, orgUnitIdForCode } from "@grassroots/kit";
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
import { createTrainingDataSource } from "../../src/db/data-source";
import type { TrainingServices } from "../../src/domain/ports";
import { wireTraining } from "../../src/wire";

/** The business date the tests run on: every session below ends on or before it. */
export const TODAY = "2026-06-30";
export const testClock: Clock = { today: () => TODAY, now: () => new Date() };

export const CITY = "150600000000";
export const DONGSHENG = "150602000000"; // 东胜区 (DISTRICT)
export const DALATE = "150621000000"; // 达拉特旗
export const ZHUNGEER = "150622000000"; // 准格尔旗
export const SHULINZHAO = "150621100000"; // 树林召镇, a TOWN of 达拉特旗
export const GONGYE = "150621001000"; // 工业街道, a SUBDISTRICT of 达拉特旗
export const YINGZE = "150622002000"; // 迎泽街道, a SUBDISTRICT of 准格尔旗

export const idOf = orgUnitIdForCode;

/** An identity at the unit with this division code. */
export const as = identityAt;
export const cityAdmin = as("CITY_ADMIN", CITY);
export const dalateAdmin = as("BANNER_ADMIN", DALATE);
export const zhungeerAdmin = as("BANNER_ADMIN", ZHUNGEER);

/** Every business table of this service, and the outbox. */
/** The outbox without sent_at: the relay marks rows sent while a test runs, which is not a write of the call under test. */
export const OUTBOX = OUTBOX_ROWS;
export const TABLES = [
  "training_session",
  "training_enrollment",
  "training_certificate",
  "certificate_counter",
  "idempotency_key",
  "rule_status_published",
  OUTBOX,
];
export const fingerprint = (dataSource: DataSource) => fingerprintTables(dataSource, TABLES);

export interface Appointment {
  statisticianId: string;
  assignmentId: string;
}

export interface AppointInput {
  unitCode: string;
  name?: string;
  status?: "PENDING_TRAINING" | "ACTIVE";
  role?: "FULL_TIME" | "PART_TIME" | "LIAISON";
  startDate?: string;
  statisticianId?: string;
}

/** The shared subgraph harness's calls, plus what training's tests need (its services, other services' events). */
export interface Harness extends Pick<
  SubgraphHarness,
  "url" | "db" | "dataSource" | "queries" | "call" | "expectRefused" | "fingerprint" | "stop"
> {
  services: TrainingServices;
  /**
   * The periodic R6 rule-status check the wiring hands the bootstrap. The bootstrap runs it at start (on
   * an empty database) and, in tests, only every hour: tests call `run()` themselves.
   */
  ruleStatusTask: PeriodicTask;
  /** KAFKA_TOPIC_PREFIX of this test file: its own topics, created here and deleted at stop. */
  prefix: string;
  /** Sends an event as another service's relay would: CloudEvent headers, JSON value, key. */
  publish<C extends EventContract>(
    contract: C,
    data: EventData<C>,
    key: string,
    eventId?: string,
  ): Promise<string>;
  /** Publishes the Ordos tree (organization's OrgUnitCreated events) and waits for the projection. */
  publishOrdos(): Promise<void>;
  /** Publishes more units (another city, say) and waits for them; `appoint` then takes their codes too. */
  publishUnits(states: OrgUnitStateFixture[]): Promise<void>;
  /** Registers and appoints people (personnel's events) and waits until the projection holds them. */
  appoint(people: AppointInput[]): Promise<Appointment[]>;
}

/** The Ordos tree as organization publishes it (ids from the division codes, paths from the parents). */
export const ordosStates = (): OrgUnitStateFixture[] => ordosUnitStates();

export const pathOfCode = (code: string): string => ordosStates().find((u) => u.code === code)!.path;

/**
 * The subgraph in-process through the same bootstrap and wiring as its process (src/wire.ts) on a
 * throwaway database (migrated at start), with its consumer and outbox relay on this file's own Kafka
 * topics (@grassroots/testing's subgraph harness), on the tests' business date.
 */
export async function startHarness(
  options: { passPercent?: number; coverageTargetPercent?: number } = {},
): Promise<Harness> {
  const harness = await startSubgraphHarness({
    name: "training",
    createDataSource: createTrainingDataSource,
    wire: (dataSource) =>
      wireTraining(dataSource, {
        clock: testClock,
        passRule: { minAttendancePercent: options.passPercent ?? 80 },
        ruleStatus: { coverageTargetPercent: options.coverageTargetPercent ?? 100, checkEveryMs: 3_600_000 },
      }),
    tables: TABLES,
    kafka: true,
    poolSize: 12,
  });
  const { dataSource } = harness;
  const publish: Harness["publish"] = (contract, data, key, id) =>
    harness.publish(contract, data, { key, id });

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
  const unitPath = (code: string) => published.get(code)?.path ?? pathOfCode(code);

  return {
    url: harness.url,
    db: harness.db,
    dataSource,
    services: harness.wiring.services,
    ruleStatusTask: harness.wiring.tasks!.find((t) => t.name === "training-r6-rule-status")!,
    queries: harness.queries,
    prefix: harness.topicPrefix,
    call: harness.call,
    expectRefused: harness.expectRefused,
    fingerprint: harness.fingerprint,
    publish,
    publishOrdos: () => publishUnits(ordosStates()),
    publishUnits,
    async appoint(people) {
      const made = people.map((p, i) => ({
        statisticianId: p.statisticianId ?? randomUUID(),
        assignmentId: randomUUID(),
        input: p,
        name: p.name ?? `测试统计员${i + 1}`,
      }));
      for (const m of made) {
        await publish(
          StatisticianRegistered,
          {
            statisticianId: m.statisticianId,
            name: m.name,
            gender: "F",
            ethnicity: null,
            education: null,
            title: null,
            version: 1,
          },
          m.statisticianId,
        );
        await publish(
          AssignmentStarted,
          {
            assignmentId: m.assignmentId,
            statisticianId: m.statisticianId,
            orgUnitId: idOf(m.input.unitCode),
            orgUnitPath: unitPath(m.input.unitCode),
            role: m.input.role ?? "FULL_TIME",
            establishment: "IN_ESTABLISHMENT",
            status: m.input.status ?? "ACTIVE",
            startDate: m.input.startDate ?? "2025-01-01",
            endDate: null,
            version: 1,
          },
          m.assignmentId,
        );
      }
      await waitForProjected(
        dataSource,
        "statistician_assignment",
        made.map((m) => m.assignmentId),
        "the appointments in the projection",
      );
      return made.map(({ statisticianId, assignmentId }) => ({ statisticianId, assignmentId }));
    },
    stop: () => harness.stop(),
  };
}

export { expectError, outboxTypes } from "@grassroots/testing";
