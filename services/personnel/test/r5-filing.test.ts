import {
  FilingFiled,
  FilingForwarded,
  FilingReturned,
  FilingSubmitted,
  PersonnelRuleStatusChanged,
} from "@grassroots/events";
import { randomUUID } from "node:crypto";
import {
  as,
  cityAdmin,
  DALATE,
  dalateAdmin,
  idOf,
  JIGESITAI,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  shulinzhaoClerk,
  startHarness,
  XUEJIAWAN,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";
import { FILE, FILING_FIELDS, FORWARD, RESUBMIT, RETURN } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

type Identity = typeof cityAdmin;
const step = (
  mutation: string,
  filing: { id: string; version: number },
  who: Identity,
  extra: Record<string, unknown> = {},
) =>
  h.call(
    mutation,
    { input: { requestId: randomUUID(), filingId: filing.id, expectedVersion: filing.version, ...extra } },
    who,
  );
const ok = async (
  mutation: string,
  filing: { id: string; version: number },
  who: Identity,
  extra: Record<string, unknown> = {},
) => {
  const res = await step(mutation, filing, who, extra);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as { id: string; version: number; status: string; [k: string]: unknown };
};
const lastEvent = async () =>
  (await h.dataSource.query(`SELECT type, key, data FROM outbox ORDER BY seq DESC LIMIT 1`))[0];

/** A fresh village appointment (its APPOINTMENT filing is SUBMITTED). */
async function villageFiling() {
  return (
    await h.appoint(
      await h.register(SHULINZHAO_VILLAGE_1),
      SHULINZHAO_VILLAGE_1,
      "LIAISON",
      "PUBLIC_WELFARE_POST",
    )
  ).filing;
}

describe("R5: level-by-level filing", () => {
  it("R5: a village appointment is SUBMITTED, forwarded by its township, filed by the banner bureau; each step records who and when", async () => {
    const submitted = await villageFiling();
    expect(submitted).toMatchObject({
      change: "APPOINTMENT",
      route: "VIA_TOWNSHIP",
      status: "SUBMITTED",
      submittedBy: cityAdmin.userId,
      submittedOn: "2026-06-30",
      dueOn: "2026-07-30",
      overdue: false,
      waitingFor: "the township",
      township: { id: idOf(SHULINZHAO) },
      banner: { id: idOf(DALATE) },
      details: { role: "LIAISON", establishment: "PUBLIC_WELFARE_POST", effectiveDate: "2026-01-05" },
    });
    // The filing, then the village's R4 status with one more post pending training (issue 12).
    const [status, filingEvent] = await h.dataSource.query(
      `SELECT type, data FROM outbox ORDER BY seq DESC LIMIT 2`,
    );
    expect(filingEvent.type).toBe(FilingSubmitted.type);
    expect(status).toMatchObject({
      type: PersonnelRuleStatusChanged.type,
      data: { rule: "R4.village-staffing", subjectUnitId: idOf(SHULINZHAO_VILLAGE_1) },
    });

    const forwarded = await ok(FORWARD, submitted, shulinzhaoClerk, { note: "已核实" });
    expect(forwarded).toMatchObject({
      status: "FORWARDED",
      forwardedBy: shulinzhaoClerk.userId,
      waitingFor: "the banner bureau",
    });
    expect(await lastEvent()).toMatchObject({
      type: FilingForwarded.type,
      key: submitted.id,
      data: { status: "FORWARDED", actor: shulinzhaoClerk.userId },
    });

    const filed = await ok(FILE, forwarded, dalateAdmin);
    expect(filed).toMatchObject({
      status: "FILED",
      decidedBy: dalateAdmin.userId,
      waitingFor: null,
      overdue: false,
    });
    expect(filed.steps).toEqual([
      { step: "SUBMIT", fromStatus: null, toStatus: "SUBMITTED", actor: cityAdmin.userId, note: null },
      {
        step: "FORWARD",
        fromStatus: "SUBMITTED",
        toStatus: "FORWARDED",
        actor: shulinzhaoClerk.userId,
        note: "已核实",
      },
      { step: "FILE", fromStatus: "FORWARDED", toStatus: "FILED", actor: dalateAdmin.userId, note: null },
    ]);
    expect((await lastEvent()).type).toBe(FilingFiled.type);
    const times = await h.dataSource.query(
      `SELECT submitted_at, forwarded_at, decided_at FROM filing WHERE id = $1`,
      [submitted.id],
    );
    expect(Object.values(times[0]).every((t) => t instanceof Date)).toBe(true);
  });

  it("R5: a township appointment goes straight to the banner bureau", async () => {
    const { filing } = await h.appoint(await h.register(JIGESITAI), JIGESITAI, "PART_TIME", "CONTRACT");
    expect(filing).toMatchObject({
      route: "DIRECT",
      status: "SUBMITTED",
      township: null,
      waitingFor: "the banner bureau",
    });
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      step(FORWARD, filing, as("UNIT_CLERK", JIGESITAI)),
    );
    expect(message).toContain("goes straight to the banner bureau");
    expect(await ok(FILE, filing, dalateAdmin)).toMatchObject({ status: "FILED" });
  });

  it("R5: the bureau cannot file a village filing its township has not forwarded (out of order, nothing written)", async () => {
    const filing = await villageFiling();
    const message = await h.expectRefused("BAD_USER_INPUT", () => step(FILE, filing, dalateAdmin));
    expect(message).toContain("waits for its township to confirm and forward it");
  });

  it("R5: a filed record is final: filing, returning or forwarding it again is refused", async () => {
    const filing = await villageFiling();
    const forwarded = await ok(FORWARD, filing, shulinzhaoClerk);
    const filed = await ok(FILE, forwarded, dalateAdmin);
    expect(await h.expectRefused("BAD_USER_INPUT", () => step(FILE, filed, dalateAdmin))).toContain("final");
    await h.expectRefused("BAD_USER_INPUT", () => step(RETURN, filed, dalateAdmin, { reason: "x" }));
    await h.expectRefused("BAD_USER_INPUT", () => step(FORWARD, filed, shulinzhaoClerk));
  });

  it("#10.3 R5: only the village's own township forwards; only its banner's bureau files (others refused in the one order, nothing written)", async () => {
    const filing = await villageFiling();
    // The role first: forwarding is a UNIT_CLERK's step.
    for (const who of [dalateAdmin, cityAdmin, as("INSPECTOR", SHULINZHAO)]) {
      expect(await h.expectRefused("FORBIDDEN", () => step(FORWARD, filing, who))).toBe(
        `Only UNIT_CLERK may forward filings (R5: a village-level filing is forwarded by its township); you are ${who.roles[0]}.`,
      );
    }
    // Then the area: another township's clerk does not see the filing at all.
    expect(await h.expectRefused("NOT_FOUND", () => step(FORWARD, filing, as("UNIT_CLERK", JIGESITAI)))).toBe(
      `Filing ${filing.id} does not exist in your area.`,
    );
    // Then the party: the village's own clerk sees it but is not its township (which is not named).
    const party = await h.expectRefused("FORBIDDEN", () =>
      step(FORWARD, filing, as("UNIT_CLERK", SHULINZHAO_VILLAGE_1)),
    );
    expect(party).toContain("only a UNIT_CLERK whose home unit is that township may forward it");
    expect(party).not.toMatch(/树林召镇|150621100000/);

    const forwarded = await ok(FORWARD, filing, shulinzhaoClerk);
    for (const who of [cityAdmin, shulinzhaoClerk, as("UNIT_CLERK", XUEJIAWAN)]) {
      expect(await h.expectRefused("FORBIDDEN", () => step(FILE, forwarded, who))).toBe(
        `Only BANNER_ADMIN may file filings (R5: the banner bureau files them); you are ${who.roles[0]}.`,
      );
    }
    expect(await h.expectRefused("NOT_FOUND", () => step(FILE, forwarded, zhungeerAdmin))).toBe(
      `Filing ${filing.id} does not exist in your area.`,
    );
    // A BANNER_ADMIN placed at a township of the banner sees the filing but is not the banner bureau.
    const notBureau = await h.expectRefused("FORBIDDEN", () =>
      step(FILE, forwarded, as("BANNER_ADMIN", SHULINZHAO)),
    );
    expect(notBureau).toContain("only a BANNER_ADMIN whose home unit is the filing's banner may do it");
    expect(notBureau).not.toMatch(/达拉特旗|150621000000/);
  });

  it("R5: a step with a stale version is CONFLICT and writes nothing", async () => {
    const filing = await villageFiling();
    await h.expectRefused("CONFLICT", () =>
      step(FORWARD, { ...filing, version: filing.version + 1 }, shulinzhaoClerk),
    );
  });

  it("R5: returned with a reason, resubmitted, forwarded and filed again; the history keeps every step", async () => {
    const filing = await villageFiling();
    const forwarded = await ok(FORWARD, filing, shulinzhaoClerk);
    await h.expectRefused("BAD_USER_INPUT", () => step(RETURN, forwarded, dalateAdmin, { reason: "  " }));
    const returned = await ok(RETURN, forwarded, dalateAdmin, { reason: "缺少岗前培训证明" });
    expect(returned).toMatchObject({
      status: "RETURNED",
      returnReason: "缺少岗前培训证明",
      waitingFor: "the submitting unit",
    });
    expect(await lastEvent()).toMatchObject({
      type: FilingReturned.type,
      data: { status: "RETURNED", reason: "缺少岗前培训证明" },
    });
    // Only a user whose area includes the village may resubmit: to anyone else the filing does not exist.
    expect(await h.expectRefused("NOT_FOUND", () => step(RESUBMIT, returned, zhungeerAdmin))).toBe(
      `Filing ${returned.id} does not exist in your area.`,
    );
    const resubmitted = await ok(RESUBMIT, returned, shulinzhaoClerk, { note: "已补充" });
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", returnReason: null, forwardedBy: null });
    expect((await lastEvent()).type).toBe(FilingSubmitted.type);
    const filed = await ok(FILE, await ok(FORWARD, resubmitted, shulinzhaoClerk), dalateAdmin);
    expect((filed.steps as { step: string }[]).map((s) => s.step)).toEqual([
      "SUBMIT",
      "FORWARD",
      "RETURN",
      "RESUBMIT",
      "FORWARD",
      "FILE",
    ]);
    await expect(
      h.dataSource.query(`DELETE FROM filing_step WHERE filing_id = $1`, [filing.id]),
    ).rejects.toThrow(/keeps its history/);
  });

  it("R5: a retried step (same requestId) returns the first result and writes nothing", async () => {
    const filing = await villageFiling();
    const input = { requestId: randomUUID(), filingId: filing.id, expectedVersion: filing.version };
    const first = await h.call(FORWARD, { input }, shulinzhaoClerk);
    const before = await h.fingerprint();
    const again = await h.call(FORWARD, { input }, shulinzhaoClerk);
    expect(again.data!.forwardFiling).toEqual(first.data!.forwardFiling);
    expect(await h.fingerprint()).toBe(before);
  });

  it("R5: filings not filed within FILING_DUE_DAYS are overdue and listed, oldest first; filed ones are not", async () => {
    h.clock.set("2026-07-01");
    const late = await villageFiling(); // submitted 2026-07-01, due 2026-07-31
    const onTime = await villageFiling();
    await ok(FILE, await ok(FORWARD, onTime, shulinzhaoClerk), dalateAdmin);
    const overdue = `query ($banner: ID) { overdueFilings(bannerId: $banner, first: 200) { totalCount edges { node { ${FILING_FIELDS} } } } }`;
    h.clock.set("2026-07-31");
    const notYet = (await h.call(overdue, { banner: idOf(DALATE) }, dalateAdmin)).data!.overdueFilings;
    expect(notYet.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(late.id);
    h.clock.set("2026-08-01");
    const listed = (await h.call(overdue, { banner: idOf(DALATE) }, dalateAdmin)).data!.overdueFilings;
    const ids = listed.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);
    expect(
      listed.edges.every(
        (e: { node: { overdue: boolean; status: string } }) => e.node.overdue && e.node.status !== "FILED",
      ),
    ).toBe(true);
    // Another banner's bureau sees none of them.
    expect((await h.call(overdue, {}, zhungeerAdmin)).data!.overdueFilings.totalCount).toBe(0);
    h.clock.set("2026-06-30");
  });

  it("R5: filings are listed by status in the caller's area", async () => {
    const q = `query ($f: FilingFilter) { filings(filter: $f, first: 200) { totalCount edges { node { status orgUnit { id } } } } }`;
    const submitted = (await h.call(q, { f: { statuses: ["SUBMITTED"] } }, shulinzhaoClerk)).data!.filings;
    expect(submitted.totalCount).toBeGreaterThan(0);
    expect(submitted.edges.every((e: { node: { status: string } }) => e.node.status === "SUBMITTED")).toBe(
      true,
    );
    expect((await h.call(q, {}, zhungeerAdmin)).data!.filings.totalCount).toBe(0);
  });
});
