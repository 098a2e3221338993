import "reflect-metadata";
import {
  OrgUnitCreated,
  PrePostCertificateIssued,
  type EventContract,
  type PeriodicTask,
  type EventData,
} from "@grassroots/events";
import { orgUnitIdForCode, type Clock } from "@grassroots/kit";
import {
  identityAt,
  ordosUnitStates,
  startSubgraphHarness,
  unitState,
  waitFor,
  type GraphQLResult,
  type OrgUnitStateFixture,
  type SubgraphHarness,
} from "@grassroots/testing";
import { randomUUID } from "node:crypto";
import { cliConfigSchema, settingsOf } from "../../src/config";
import { createPersonnelDataSource } from "../../src/db/data-source";
import { personalDataCipherOf } from "../../src/personal-data/settings";
import type { PersonnelServices } from "../../src/domain/ports";
import { residentIdCheckCharacter as checkCharacter } from "@grassroots/kit/validation";
import { wirePersonnel, type PersonnelWiring } from "../../src/wire";
import { APPOINT, REGISTER } from "./operations";

export const idOf = orgUnitIdForCode;

export const CITY = "150600000000";
export const DALATE = "150621000000"; // 达拉特旗
export const ZHUNGEER = "150622000000"; // 准格尔旗
export const GONGYE = "150621001000"; // 工业街道, SUBDISTRICT of 达拉特旗
export const SHULINZHAO = "150621100000"; // 树林召镇, TOWN of 达拉特旗
export const JIGESITAI = "150621101000"; // 吉格斯太镇, TOWN of 达拉特旗
export const ZHANDANZHAO = "150621200000"; // 展旦召苏木, SUMU of 达拉特旗
export const DALATE_PARK = "150621400000"; // 达拉特经济开发区, PARK
export const XUEJIAWAN = "150622100000"; // 薛家湾镇, TOWN of 准格尔旗
// Village-level units the tests add under them (organization's seed would create such sample units).
export const SHULINZHAO_COMMUNITY = "150621100001";
export const SHULINZHAO_VILLAGE_1 = "150621100201";
export const SHULINZHAO_VILLAGE_2 = "150621100202";
export const ZHANDANZHAO_GACHA = "150621200201";
export const JIGESITAI_VILLAGE = "150621101201";
export const XUEJIAWAN_VILLAGE = "150622100201";

/** An identity at the unit with this division code. */
export const as = identityAt;
export const cityAdmin = as("CITY_ADMIN", CITY);
export const dalateAdmin = as("BANNER_ADMIN", DALATE);
export const zhungeerAdmin = as("BANNER_ADMIN", ZHUNGEER);
export const shulinzhaoClerk = as("UNIT_CLERK", SHULINZHAO);

/** The Ordos divisions plus a few village-level units, as organization's events carry them. */
export function testTree(): OrgUnitStateFixture[] {
  const states = ordosUnitStates();
  const at = (code: string) => states.find((s) => s.code === code)!;
  const extra = [
    unitState(at(SHULINZHAO), SHULINZHAO_COMMUNITY, "测试社区", "COMMUNITY"),
    unitState(at(SHULINZHAO), SHULINZHAO_VILLAGE_1, "测试一村", "VILLAGE"),
    unitState(at(SHULINZHAO), SHULINZHAO_VILLAGE_2, "测试二村", "VILLAGE"),
    unitState(at(ZHANDANZHAO), ZHANDANZHAO_GACHA, "测试嘎查", "GACHA"),
    unitState(at(JIGESITAI), JIGESITAI_VILLAGE, "测试三村", "VILLAGE"),
    unitState(at(XUEJIAWAN), XUEJIAWAN_VILLAGE, "测试四村", "VILLAGE"),
  ];
  return [...states, ...extra];
}

/** Every business table (the harness adds the outbox) a refused call must leave as it was. */
export const TABLES = [
  "statistician",
  "post_assignment",
  "filing",
  "filing_step",
  "pre_post_certificate",
  "staffing_status",
  "idempotency_key",
  "org_unit",
  "rule_status_published",
  "roster_import_result",
];

let idCounter = 0;
/** A valid resident ID number (GB 11643) never used before in this process; gender by the 17th digit. */
export function newIdNumber(region = "150621", male = true): string {
  idCounter++;
  const birth = `19${String(70 + (idCounter % 25)).padStart(2, "0")}${String(1 + (idCounter % 12)).padStart(2, "0")}${String(1 + (idCounter % 28)).padStart(2, "0")}`;
  const sequence = String(100 + ((idCounter * 2) % 800) + (male ? 1 : 0));
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${checkCharacter(first17)}`;
}

/** A test clock whose business date can be moved. */
export class TestClock implements Clock {
  constructor(private day = "2026-06-30") {}
  today() {
    return this.day;
  }
  now() {
    return new Date(`${this.day}T10:00:00+08:00`);
  }
  set(day: string) {
    this.day = day;
  }
}

/** @grassroots/testing's subgraph harness, with personnel's services, test clock and fixtures. */
export interface Harness extends Omit<
  SubgraphHarness<PersonnelWiring>,
  "publish" | "topicPrefix" | "wiring"
> {
  services: PersonnelServices;
  clock: TestClock;
  /** KAFKA_TOPIC_PREFIX of this test file: its own topics, created here and deleted at stop. */
  prefix: string;
  /**
   * Sends an event as another service's relay would (on this file's topics); returns its ce_id. The key
   * defaults to the contract's key field; pass `eventId` to redeliver one.
   */
  publish<C extends EventContract>(
    contract: C,
    data: EventData<C>,
    key?: string,
    eventId?: string,
  ): Promise<string>;
  /**
   * The time-driven rule check (R5, R7) the wiring hands the bootstrap. The bootstrap runs it once at
   * start (the database is empty then) and, in tests, only every hour: tests call `run()` themselves
   * after moving the test clock.
   */
  ruleStatusTask: PeriodicTask;
  /** Publishes the test tree (organization's OrgUnitCreated events) and waits for the projection. */
  publishTree(): Promise<OrgUnitStateFixture[]>;
  /** Registers a person at the unit (as the city admin); returns the id. */
  register(unitCode: string, fields?: Record<string, unknown>): Promise<string>;
  /** Appoints (as the city admin); returns the StaffChange (loosely typed, as callSubgraph's results). */
  appoint(
    statisticianId: string,
    unitCode: string,
    role: string,
    establishment?: string,
    startDate?: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<any>;
  /** Training's R7 event for the person, published to Kafka; waits until handled. Returns the certificate id. */
  certify(statisticianId: string, completedOn?: string, eventId?: string): Promise<string>;
}

/**
 * Personnel through the same bootstrap as its process (startSubgraph, via the testing harness): a
 * throwaway database, migrated; this file's own Kafka topics with personnel's consumer (org units,
 * certificates) and outbox relay on them; the subgraph on a free port. The environment's settings
 * apply (so a test may set STAFFING_* before starting), and `env`'s (STAFFING_*, PERSONAL_DATA_*).
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const clock = new TestClock();
  const sub = await startSubgraphHarness({
    name: "personnel",
    // The personal data keys from `env` (PERSONAL_DATA_*), else the dev-only ones.
    createDataSource: (url, poolSize) =>
      createPersonnelDataSource(url, poolSize, personalDataCipherOf({ NODE_ENV: "test", ...env })),
    wire: (dataSource) =>
      wirePersonnel(
        dataSource,
        settingsOf(
          cliConfigSchema.parse({
            DATABASE_URL: "postgres://unused",
            RULE_STATUS_CHECK_EVERY_MS: String(3_600_000),
            ...env,
          }),
        ),
        clock,
      ),
    tables: TABLES,
    kafka: true,
  });
  const { call, dataSource, handled } = sub;
  const publish: Harness["publish"] = (contract, data, key, id) => sub.publish(contract, data, { key, id });
  let requests = 0;
  const data = <T>(result: GraphQLResult<T>, what: string): T => {
    if (result.errors) throw new Error(`${what}: ${JSON.stringify(result.errors)}`);
    return result.data!;
  };

  return {
    ...sub,
    services: sub.wiring.services,
    ruleStatusTask: sub.wiring.tasks!.find((t) => t.name === "personnel-time-driven-rule-status")!,
    clock,
    prefix: sub.topicPrefix,
    publish,
    async publishTree() {
      const tree = testTree();
      let last = "";
      for (const state of tree) last = await publish(OrgUnitCreated, state, state.id);
      await handled(last);
      await waitFor(
        async () => (await dataSource.query(`SELECT count(*)::int AS n FROM org_unit`))[0].n === tree.length,
        "the org projection",
        30000,
        100,
      );
      return tree;
    },
    async register(unitCode, fields = {}) {
      const result = await call<{ registerStatistician: { id: string } }>(
        REGISTER,
        {
          input: {
            requestId: `reg-${++requests}-${randomUUID()}`,
            orgUnitId: idOf(unitCode),
            name: `测试统计员${requests}`,
            idNumber: newIdNumber(),
            ...fields,
          },
        },
        cityAdmin,
      );
      return data(result, "register").registerStatistician.id;
    },
    async appoint(
      statisticianId,
      unitCode,
      role,
      establishment = "IN_ESTABLISHMENT",
      startDate = "2026-01-05",
    ) {
      const result = await call(
        APPOINT,
        {
          input: {
            requestId: `app-${++requests}-${randomUUID()}`,
            statisticianId,
            orgUnitId: idOf(unitCode),
            role,
            establishment,
            startDate,
          },
        },
        cityAdmin,
      );
      return data(result, "appoint").appointStatistician;
    },
    async certify(statisticianId, completedOn = "2026-03-01", eventId) {
      const certificateId = randomUUID();
      const id = await publish(
        PrePostCertificateIssued,
        {
          certificateId,
          certificateNumber: `PP-TEST-${certificateId.slice(0, 8)}`,
          statisticianId,
          sessionId: randomUUID(),
          organizerUnitId: idOf(DALATE),
          kind: "PRE_POST",
          completedOn,
        },
        statisticianId,
        eventId,
      );
      await handled(id);
      return certificateId;
    },
  };
}

export { expectError, outboxTypes } from "@grassroots/testing";
