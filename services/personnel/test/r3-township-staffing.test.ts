import { RegisterCountSet, StaffingComplianceChanged } from "@grassroots/events";
import { readTopicWithKcat, waitFor } from "@grassroots/testing";
import { cityAdmin, idOf, SHULINZHAO, startHarness, type Harness } from "./support/harness";
import { STAFFING } from "./support/operations";
import type { OrgUnitStateFixture } from "@grassroots/testing";

let h: Harness;
let tree: OrgUnitStateFixture[];
beforeAll(async () => {
  h = await startHarness();
  tree = await h.publishTree();
});
afterAll(() => h.stop());

const staffing = async (code: string) =>
  (await h.call(STAFFING, { id: idOf(code) }, cityAdmin)).data!.staffing;

/** The compliance events published about a unit, oldest first. */
async function complianceEvents(
  code: string,
): Promise<{ compliant: boolean; gaps: { rule: string; required: number; actual: number }[] }[]> {
  const rows = await h.dataSource.query(`SELECT data FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq`, [
    StaffingComplianceChanged.type,
    idOf(code),
  ]);
  return rows.map((r: { data: unknown }) => r.data);
}

/** organization's RegisterCountSet for the unit, on the broker. */
async function setRegisterCount(code: string, count: number, version: number) {
  const unit = tree.find((u) => u.code === code)!;
  const id = await h.publish(
    RegisterCountSet,
    { ...unit, registerCount: count, registerAsOf: "2026-06-01", version, previousCount: null },
    unit.id,
  );
  await h.handled(id);
}

describe("R3: township-level staffing", () => {
  it("R3: a township with nobody needs an ACTIVE full-time in-establishment statistician; the reason says what to appoint", async () => {
    const result = await staffing(SHULINZHAO);
    expect(result.compliant).toBe(false);
    expect(result.gaps.map((g: { code: string }) => g.code)).toEqual(["R3_FULL_TIME_IN_ESTABLISHMENT"]);
    const [base] = result.requirements;
    expect(base).toMatchObject({ rule: "R3", applies: true, met: false, required: 1, actual: 0 });
    expect(base.reason).toContain("appoint a FULL_TIME statistician with an IN_ESTABLISHMENT post");
  });

  let fullTimer: string;

  it("R3: a full-timer on contract does not count, nor one still waiting for pre-post training", async () => {
    const onContract = await h.register(SHULINZHAO);
    expect((await h.appoint(onContract, SHULINZHAO, "FULL_TIME", "CONTRACT")).assignment.status).toBe(
      "PENDING_TRAINING",
    );
    const pending = await h.appoint(
      await h.register(SHULINZHAO),
      SHULINZHAO,
      "FULL_TIME",
      "IN_ESTABLISHMENT",
    );
    expect(pending.assignment.status).toBe("PENDING_TRAINING");
    fullTimer = pending.assignment.statistician.id;
    const result = await staffing(SHULINZHAO);
    expect(result.compliant).toBe(false);
    expect(result.requirements[0]).toMatchObject({ actual: 0 });
    expect(result.requirements[0].reason).toContain("waits for pre-post training (R7)");
    expect(await complianceEvents(SHULINZHAO)).toEqual([]);
  });

  it("R3: the full-timer's pre-post certificate makes the township compliant, and StaffingComplianceChanged is published once", async () => {
    await h.certify(fullTimer);
    const result = await staffing(SHULINZHAO);
    expect(result).toMatchObject({ compliant: true, gaps: [] });
    expect(result.requirements[0]).toMatchObject({ met: true, actual: 1 });
    expect(result.counts).toEqual({ active: 1, pending: 1 });
    expect(await complianceEvents(SHULINZHAO)).toEqual([
      expect.objectContaining({ compliant: true, gaps: [] }),
    ]);
  });

  it("R3: a register count rising to 1,500 (organization's event) makes it non-compliant with no human action", async () => {
    await setRegisterCount(SHULINZHAO, 1499, 2);
    expect((await staffing(SHULINZHAO)).compliant).toBe(true);
    await setRegisterCount(SHULINZHAO, 1500, 3);
    const result = await staffing(SHULINZHAO);
    expect(result.compliant).toBe(false);
    expect(result.gaps).toEqual([{ code: "R3_LARGE_REGISTER_STATISTICIANS" }]);
    const gap = result.requirements[1];
    expect(gap).toMatchObject({ applies: true, met: false, required: 2, actual: 1 });
    expect(gap.reason).toContain("1 appointed statistician waits for pre-post training (R7)");
    expect(gap.reason).toContain("1,500 units");
    const events = await complianceEvents(SHULINZHAO);
    expect(events.at(-1)).toEqual(
      expect.objectContaining({
        compliant: false,
        gaps: [expect.objectContaining({ rule: "R3_LARGE_REGISTER_STATISTICIANS", required: 2, actual: 1 })],
      }),
    );
    expect(events).toHaveLength(2);
  });

  it("R3: a late, older register count (lower version) is ignored", async () => {
    await setRegisterCount(SHULINZHAO, 300, 2);
    expect((await staffing(SHULINZHAO)).compliant).toBe(false);
    const [row] = await h.dataSource.query(`SELECT register_count, version FROM org_unit WHERE id = $1`, [
      idOf(SHULINZHAO),
    ]);
    expect(row).toEqual({ register_count: 1500, version: 3 });
  });

  it("R3: a second ACTIVE statistician (any role) meets the large-register requirement again", async () => {
    const partTimer = await h.register(SHULINZHAO);
    await h.certify(partTimer);
    const change = await h.appoint(partTimer, SHULINZHAO, "PART_TIME", "PUBLIC_WELFARE_POST");
    expect(change.assignment.status).toBe("ACTIVE");
    expect(await staffing(SHULINZHAO)).toMatchObject({ compliant: true, counts: { active: 2, pending: 1 } });
    expect((await complianceEvents(SHULINZHAO)).map((e) => e.compliant)).toEqual([true, false, true]);
  });

  it("R3: a count falling below 1,500 again keeps a compliant township compliant (no event)", async () => {
    await setRegisterCount(SHULINZHAO, 900, 4);
    expect((await staffing(SHULINZHAO)).compliant).toBe(true);
    expect(await complianceEvents(SHULINZHAO)).toHaveLength(3);
  });

  it("R3: the compliance events reach the topic, keyed by the unit, as integrators read them (kcat)", async () => {
    await h.flushOutbox();
    const topic = `${h.prefix}${StaffingComplianceChanged.topic}`;
    const about = async () => (await readTopicWithKcat(topic)).filter((m) => m.key === idOf(SHULINZHAO));
    await waitFor(
      async () => (await about()).length === 3,
      "three compliance events on the topic",
      30000,
      500,
    );
    const events = await about();
    expect(events.map((m) => m.headers.ce_type)).toEqual([
      StaffingComplianceChanged.type,
      StaffingComplianceChanged.type,
      StaffingComplianceChanged.type,
    ]);
    expect(events.map((m) => JSON.parse(m.value).compliant)).toEqual([true, false, true]);
  });
});
