import { systemPolicy } from "../src/domain/access-policy";
import { ensureStandard } from "../src/domain/seed/ensure-standard";
import { setRegisterCountIn } from "../src/domain/commands/set-register-count";
import { SAMPLE_STANDARD } from "../src/domain/seed/sample-data";
import { as, CITY, DALATE, idOf, importOrdos, startHarness, type Harness } from "./support/harness";
import { allMet, CREATE, RECOGNIZE, UNIT_BY_CODE } from "./support/operations";

const TOWN = "150621101000"; // 吉格斯太镇 in 达拉特旗
const SET = `mutation ($input: SetRegisterCountInput!) { setRegisterCount(input: $input) {
  version registerHistory { count asOf recordedBy recordedByName } } }`;
const RECORD = `mutation ($input: RecordStandardizationAssessmentInput!) {
  recordStandardizationAssessment(input: $input) { id assessedBy assessedByName } }`;

const named = as("CITY_ADMIN", CITY, "acc-city-admin-wl", "王丽");
const unnamed = as("CITY_ADMIN", CITY, "acc-city-admin-x");

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.services.uow.run((tx) => ensureStandard(tx, SAMPLE_STANDARD));
});
afterAll(() => h.stop());

const unit = async (code: string) => (await h.call(UNIT_BY_CODE, { code }, named)).data!.orgUnitByCode;
const historyRows = (code: string) =>
  h.dataSource.query(
    `SELECT count, recorded_by, recorded_by_name FROM register_count_history WHERE org_unit_id = $1 ORDER BY id`,
    [idOf(code)],
  );

describe("#10.7: history names people beside the token subject", () => {
  it("#10.7: a register count set by 王丽 stores and shows 王丽 beside the subject; without a name the subject", async () => {
    let town = await unit(TOWN);
    const byName = await h.call(
      SET,
      { input: { id: town.id, expectedVersion: town.version, count: 1500, asOf: "2024-01-01" } },
      named,
    );
    expect(byName.errors).toBeUndefined();
    town = byName.data!.setRegisterCount;
    const bySubject = await h.call(
      SET,
      { input: { id: idOf(TOWN), expectedVersion: town.version, count: 1510, asOf: "2024-02-01" } },
      unnamed,
    );
    expect(bySubject.errors).toBeUndefined();

    expect(await historyRows(TOWN)).toEqual([
      { count: 1500, recorded_by: "acc-city-admin-wl", recorded_by_name: "王丽" },
      { count: 1510, recorded_by: "acc-city-admin-x", recorded_by_name: "acc-city-admin-x" },
    ]);
    expect(bySubject.data!.setRegisterCount.registerHistory).toEqual([
      { count: 1510, asOf: "2024-02-01", recordedBy: "acc-city-admin-x", recordedByName: "acc-city-admin-x" },
      { count: 1500, asOf: "2024-01-01", recordedBy: "acc-city-admin-wl", recordedByName: "王丽" },
    ]);
  });

  it("#10.7: a command-line tool records its own name as both", async () => {
    const town = await unit("150621102000");
    await h.services.uow.run((tx) =>
      setRegisterCountIn(tx, systemPolicy("seed"), h.services.clock, {
        id: town.id,
        expectedVersion: town.version,
        count: 9,
        asOf: "2024-01-01",
      }),
    );
    expect(await historyRows("150621102000")).toEqual([
      { count: 9, recorded_by: "seed", recorded_by_name: "seed" },
    ]);
  });

  it("#10.7: an assessment and its recognition by 王丽 store and show 王丽 beside the subject", async () => {
    const assessor = as("BANNER_ADMIN", DALATE, "acc-banner-admin-wl", "王丽");
    const input = {
      orgUnitId: idOf(TOWN),
      standardCode: SAMPLE_STANDARD.code,
      standardVersion: 1,
      assessedOn: "2023-05-10",
      items: allMet(),
    };
    const recorded = await h.call(RECORD, { input }, assessor);
    expect(recorded.errors).toBeUndefined();
    const { id } = recorded.data!.recordStandardizationAssessment;
    expect(recorded.data!.recordStandardizationAssessment).toEqual({
      id,
      assessedBy: "acc-banner-admin-wl",
      assessedByName: "王丽",
    });

    const recognized = await h.call(
      RECOGNIZE,
      { input: { assessmentId: id, batch: 6, year: 2023 } },
      unnamed,
    );
    expect(recognized.errors).toBeUndefined();
    const [row] = await h.dataSource.query(
      `SELECT assessed_by, assessed_by_name, recognized_by, recognized_by_name FROM standardization_assessment WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      assessed_by: "acc-banner-admin-wl",
      assessed_by_name: "王丽",
      recognized_by: "acc-city-admin-x",
      recognized_by_name: "acc-city-admin-x",
    });
    const shown = await h.call(
      `{ orgUnitByCode(code: "${TOWN}") { standardization { assessedBy assessedByName recognizedBy recognizedByName } } }`,
      {},
      named,
    );
    expect(shown.data!.orgUnitByCode.standardization).toEqual({
      assessedBy: "acc-banner-admin-wl",
      assessedByName: "王丽",
      recognizedBy: "acc-city-admin-x",
      recognizedByName: "acc-city-admin-x",
    });
  });

  it("#10.7: a deactivation by 王丽 stores and shows 王丽 beside the subject", async () => {
    const created = await h.call(
      CREATE,
      { input: { parentId: idOf(TOWN), code: "150621101201", name: "撤并村" } },
      named,
    );
    const village = created.data!.createOrgUnit;
    const gone = await h.call(
      `mutation ($input: DeactivateOrgUnitInput!) { deactivateOrgUnit(input: $input) { active deactivatedBy deactivatedByName } }`,
      { input: { id: village.id, expectedVersion: village.version, reason: "撤并" } },
      named,
    );
    expect(gone.data!.deactivateOrgUnit).toEqual({
      active: false,
      deactivatedBy: "acc-city-admin-wl",
      deactivatedByName: "王丽",
    });
    const [row] = await h.dataSource.query(
      `SELECT deactivated_by, deactivated_by_name FROM org_unit WHERE id = $1`,
      [village.id],
    );
    expect(row).toEqual({ deactivated_by: "acc-city-admin-wl", deactivated_by_name: "王丽" });
  });

  it("#10.7: rows from before names were kept show a null name beside the subject", async () => {
    await h.dataSource.query(
      `INSERT INTO register_count_history (org_unit_id, count, as_of, recorded_by) VALUES ($1, 7, '2020-01-01', 'acc-old')`,
      [idOf("150621103000")],
    );
    const shown = await h.call(
      `{ orgUnitByCode(code: "150621103000") { registerHistory { recordedBy recordedByName } } }`,
      {},
      named,
    );
    expect(shown.data!.orgUnitByCode.registerHistory).toEqual([
      { recordedBy: "acc-old", recordedByName: null },
    ]);
  });
});
