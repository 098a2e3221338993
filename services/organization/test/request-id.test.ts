import { expectError, cityAdmin, idOf, importOrdos, startHarness, type Harness } from "./support/harness";
import { CREATE, SET_REGISTER } from "./support/operations";

const SHULINZHAO = "150621100000"; // 树林召镇, a TOWN of 达拉特旗

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
});
afterAll(() => h.stop());

const create = (input: Record<string, unknown>) => h.call(CREATE, { input }, cityAdmin);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await h.dataSource.query(sql, params))[0].n);
const unitsWithCode = (code: string) =>
  count(`SELECT count(*)::int AS n FROM org_unit WHERE code = $1`, [code]);
const createdEvents = (id: string) =>
  count(`SELECT count(*)::int AS n FROM outbox WHERE type LIKE '%org-unit.created.v1' AND key = $1`, [id]);

describe("#9: a client requestId makes a mutation safe to retry", () => {
  it("#9: createOrgUnit retried with the same requestId returns the first unit and writes it once", async () => {
    const input = {
      parentId: idOf(SHULINZHAO),
      code: "150621100211",
      name: "重试村",
      requestId: "retry-create-0001",
    };
    const first = await create(input);
    expect(first.errors).toBeUndefined();
    const before = await h.fingerprint();

    const retry = await create(input);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.createOrgUnit).toEqual(first.data!.createOrgUnit);
    expect(await h.fingerprint()).toBe(before);
    expect(await unitsWithCode("150621100211")).toBe(1);
    expect(await createdEvents(idOf("150621100211"))).toBe(1);
    const [key] = await h.dataSource.query(
      `SELECT operation, actor_id, result_id FROM idempotency_key WHERE request_id = $1`,
      ["retry-create-0001"],
    );
    expect(key).toEqual({
      operation: "createOrgUnit",
      actor_id: cityAdmin.userId,
      result_id: idOf("150621100211"),
    });
  });

  it("#9: without a requestId a second createOrgUnit is a new request (the code in use is CONFLICT)", async () => {
    const input = { parentId: idOf(SHULINZHAO), code: "150621100211", name: "重试村" };
    const message = await h.expectRefused("CONFLICT", () => create(input));
    expect(message).toContain("Code 150621100211 is already used");
  });

  it("#9: the same requestId with other input is CONFLICT on requestId, and nothing is written", async () => {
    const other = {
      parentId: idOf(SHULINZHAO),
      code: "150621100212",
      name: "别的村",
      requestId: "retry-create-0001",
    };
    const result = await create(other);
    expect(result.errors?.[0].extensions?.field).toBe("requestId");
    const message = await h.expectRefused("CONFLICT", () => create(other));
    expect(message).toBe(
      "requestId retry-create-0001 was already used for a different request (createOrgUnit); use a new requestId for each change and the same one only to retry it.",
    );
    expect(await unitsWithCode("150621100212")).toBe(0);
  });

  it("#9: a refused request stores nothing, so the corrected request may use the same requestId", async () => {
    const requestId = "retry-create-0002";
    // A code outside the parent's range: BAD_USER_INPUT, and no unit, event or request id kept.
    await h.expectRefused("BAD_USER_INPUT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "150622100213", name: "错码村", requestId }),
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM idempotency_key WHERE request_id = $1`, [requestId]),
    ).toBe(0);

    const corrected = await create({
      parentId: idOf(SHULINZHAO),
      code: "150621100213",
      name: "错码村",
      requestId,
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.createOrgUnit).toMatchObject({ code: "150621100213", kind: "VILLAGE" });
  });

  it("#9: a malformed requestId is BAD_USER_INPUT on requestId, nothing written", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "150621100214", name: "短号村", requestId: "short" }),
    );
    expect(message).toContain("requestId must be 8 to 100 letters");
  });

  it("#9: setRegisterCount retried with the same requestId returns the first result instead of a version CONFLICT, one history entry", async () => {
    const unit = (await create({ parentId: idOf(SHULINZHAO), code: "150621100215", name: "计数村" })).data!
      .createOrgUnit;
    const input = { id: unit.id, expectedVersion: unit.version, count: 42, asOf: "2025-06-30" };
    const first = await h.call(
      SET_REGISTER,
      { input: { ...input, requestId: "retry-count-0001" } },
      cityAdmin,
    );
    expect(first.errors).toBeUndefined();
    const retry = await h.call(
      SET_REGISTER,
      { input: { ...input, requestId: "retry-count-0001" } },
      cityAdmin,
    );
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.setRegisterCount).toEqual(first.data!.setRegisterCount);
    expect(first.data!.setRegisterCount.registerHistory).toHaveLength(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM register_count_history WHERE org_unit_id = $1`, [unit.id]),
    ).toBe(1);
    // The same call without the requestId is a new change against a stale version.
    expectError(await h.call(SET_REGISTER, { input }, cityAdmin), "CONFLICT");
  });

  it('#9: importDivisions retried with the same requestId returns the first report (not "unchanged") and imports once', async () => {
    const IMPORT = `mutation ($input: ImportDivisionsInput!) { importDivisions(input: $input) {
      dryRun created updated unchanged rejectedCount rejected { line code reason } } }`;
    const content =
      "code,name,kind,parent_code\n150621100221,导入村,VILLAGE,150621100000\n150621100222,导入二村,VILLAGE,150621100000\n";
    const input = { format: "CSV", content, requestId: "retry-import-0001" };
    const first = await h.call(IMPORT, { input }, cityAdmin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importDivisions).toEqual({
      dryRun: false,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejectedCount: 0,
      rejected: [],
    });
    const before = await h.fingerprint();
    const retry = await h.call(IMPORT, { input }, cityAdmin);
    expect(retry.data!.importDivisions).toEqual(first.data!.importDivisions);
    expect(await h.fingerprint()).toBe(before);
    expect(await unitsWithCode("150621100221")).toBe(1);
    expect(await createdEvents(idOf("150621100222"))).toBe(1);

    // Another file under the same requestId is CONFLICT, nothing imported.
    const other = `${content}150621100223,导入三村,VILLAGE,150621100000\n`;
    const message = await h.expectRefused("CONFLICT", () =>
      h.call(IMPORT, { input: { ...input, content: other } }, cityAdmin),
    );
    expect(message).toContain(
      "requestId retry-import-0001 was already used for a different request (importDivisions)",
    );
    expect(await unitsWithCode("150621100223")).toBe(0);
  });
});
