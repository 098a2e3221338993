import "reflect-metadata";
import {
  AssignmentStarted,
  StatisticianRegistered,
  ruleStatusContractOf,
  type EventContract,
  type EventData,
  type RuleStatusData,
} from "@grassroots/events";
import { type Clock, orgUnitIdForCode } from "@grassroots/kit";
import {
  identityAt,
  ordosUnitStates,
  type OrgUnitStateFixture,
  OUTBOX_ROWS,
  startSubgraphHarness,
  type SubgraphHarness,
  publishUnitsAndWait,
  waitForProjected,
} from "@grassroots/testing";
import { randomUUID } from "node:crypto";
import { createEvaluationDataSource } from "../../src/db/data-source";
import type { EvaluationServices } from "../../src/domain/ports";
import type { RuleWeights } from "../../src/rules/r13-scorecard";
import { wireEvaluation, type EvaluationWiring } from "../../src/wire";

/** The business date the tests run on. */
export const TODAY = "2026-06-30";
export const testClock: Clock = { today: () => TODAY, now: () => new Date(`${TODAY}T12:00:00Z`) };

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
export const cityInspector = as("INSPECTOR", CITY);

/** The outbox without sent_at (the relay marks rows sent while a test runs). */
export const OUTBOX = OUTBOX_ROWS;
/**
 * Every table a call writes, and the outbox. Not the projections (org_unit, rule_status and its
 * history): the consumer writes those, also while a refused call runs (evaluation consumes its own
 * rule statuses too).
 */
export const TABLES = [
  "assessment_scheme",
  "assessment",
  "assessment_score",
  "assessment_adjustment",
  "assessment_result_set",
  "assessment_result",
  "work_meeting",
  "meeting_problem",
  "inspection",
  "finding",
  "rectification",
  "rule_status_published",
  "commendation_quota",
  "commendation",
  "idempotency_key",
  OUTBOX,
];

/** The shared subgraph harness's calls, plus what evaluation's tests need (its services, other services' events). */
export interface Harness extends Pick<
  SubgraphHarness<EvaluationWiring>,
  "url" | "db" | "dataSource" | "queries" | "call" | "expectRefused" | "fingerprint" | "handled" | "stop"
> {
  services: EvaluationServices;
  wiring: EvaluationWiring;
  /** Sends an event as another service's relay would (key: the contract's key field unless given). */
  publish<C extends EventContract>(
    contract: C,
    data: EventData<C>,
    options?: { key?: string; id?: string },
  ): Promise<string>;
  /** Publishes the Ordos tree (organization's OrgUnitCreated events) and waits for the projection. */
  publishOrdos(): Promise<void>;
  /** Publishes more units and waits for them. */
  publishUnits(states: OrgUnitStateFixture[]): Promise<void>;
  /** Registers and appoints people (personnel's events, ACTIVE posts) and waits until the projection holds them. */
  appoint(
    people: { unitCode: string; name?: string; status?: "ACTIVE" | "PENDING_TRAINING" }[],
  ): Promise<string[]>;
  /** Publishes a rule's result as its owning service would, and waits until it is handled. */
  publishRuleStatus(data: RuleStatusInput): Promise<string>;
}

export type RuleStatusInput = Omit<RuleStatusData, "subjectUnitPath" | "republished" | "asOf" | "period"> & {
  subjectUnitPath?: string;
  republished?: boolean;
  asOf?: string;
  period?: string | null;
};

/** The Ordos tree as organization publishes it (ids from the division codes, paths from the parents). */
export const ordosStates = (): OrgUnitStateFixture[] => ordosUnitStates();
export const pathOfCode = (code: string): string => ordosStates().find((u) => u.code === code)!.path;

/**
 * The subgraph in-process through the same bootstrap and wiring as its process (src/wire.ts) on a
 * throwaway database, with its consumer and outbox relay on this file's own Kafka topics, on the
 * tests' business date.
 */
export async function startHarness(options: { weights?: RuleWeights } = {}): Promise<Harness> {
  const harness = await startSubgraphHarness({
    name: "evaluation",
    createDataSource: createEvaluationDataSource,
    // The periodic checks run once at start; tests run them when they need them (no tick in a measured window).
    wire: (dataSource) =>
      wireEvaluation(dataSource, { clock: testClock, weights: options.weights, checkEveryMs: 3_600_000 }),
    tables: TABLES,
    kafka: true,
    poolSize: 12,
  });
  const { dataSource } = harness;
  const publishUnits = (states: OrgUnitStateFixture[]) => publishUnitsAndWait(harness, states);
  return {
    url: harness.url,
    db: harness.db,
    dataSource,
    wiring: harness.wiring,
    services: harness.wiring.services,
    queries: harness.queries,
    call: harness.call,
    expectRefused: harness.expectRefused,
    fingerprint: harness.fingerprint,
    handled: harness.handled,
    publish: harness.publish,
    publishOrdos: () => publishUnits(ordosStates()),
    async appoint(people) {
      const made = people.map((p, i) => ({
        ...p,
        statisticianId: randomUUID(),
        assignmentId: randomUUID(),
        n: i + 1,
      }));
      for (const m of made) {
        await harness.publish(StatisticianRegistered, {
          statisticianId: m.statisticianId,
          name: m.name ?? `测试统计员${m.n}`,
          gender: "F",
          ethnicity: null,
          education: null,
          title: null,
          version: 1,
        });
        await harness.publish(AssignmentStarted, {
          assignmentId: m.assignmentId,
          statisticianId: m.statisticianId,
          orgUnitId: idOf(m.unitCode),
          orgUnitPath: pathOfCode(m.unitCode),
          role: "FULL_TIME",
          establishment: "IN_ESTABLISHMENT",
          status: m.status ?? "ACTIVE",
          startDate: "2025-01-01",
          endDate: null,
          version: 1,
        });
      }
      await waitForProjected(
        dataSource,
        "statistician_assignment",
        made.map((m) => m.assignmentId),
        "the appointments in the projection",
      );
      return made.map((m) => m.statisticianId);
    },
    publishUnits,
    async publishRuleStatus(input) {
      const data: RuleStatusData = {
        ...input,
        subjectUnitPath:
          input.subjectUnitPath ?? ordosStates().find((u) => u.id === input.subjectUnitId)!.path,
        period: input.period ?? null,
        asOf: input.asOf ?? new Date().toISOString(),
        republished: input.republished ?? false,
      };
      const id = await harness.publish(ruleStatusContractOf(data.rule), data);
      await harness.handled(id);
      return id;
    },
    stop: () => harness.stop(),
  };
}

export { expectError, outboxTypes } from "@grassroots/testing";
