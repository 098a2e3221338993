import { OrgUnitDeactivated, type EventData } from "@grassroots/events";
import { randomUUID } from "node:crypto";
import {
  as,
  cityAdmin,
  DALATE,
  expectError,
  idOf,
  JIGESITAI,
  JIGESITAI_VILLAGE,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  SHULINZHAO_VILLAGE_2,
  shulinzhaoClerk,
  startHarness,
  XUEJIAWAN,
  XUEJIAWAN_VILLAGE,
  type Harness,
} from "./support/harness";
import { APPOINT, CHANGE_ROLE, END, TRANSFER } from "./support/operations";
import type { OrgUnitStateFixture } from "@grassroots/testing";

let h: Harness;
let tree: OrgUnitStateFixture[];
beforeAll(async () => {
  h = await startHarness();
  tree = await h.publishTree();
});
afterAll(() => h.stop());

const appointInput = (statisticianId: string, unit: string, extra: Record<string, unknown> = {}) => ({
  requestId: randomUUID(),
  statisticianId,
  orgUnitId: idOf(unit),
  role: "LIAISON",
  establishment: "PUBLIC_WELFARE_POST",
  startDate: "2026-02-01",
  ...extra,
});
const appoint = (
  statisticianId: string,
  unit: string,
  extra: Record<string, unknown> = {},
  who = cityAdmin,
) => h.call(APPOINT, { input: appointInput(statisticianId, unit, extra) }, who);
const mutate = (doc: string, input: Record<string, unknown>, who = cityAdmin) =>
  h.call(doc, { input: { requestId: randomUUID(), ...input } }, who);

describe("appointments: bad input is refused and nothing is written", () => {
  it("#10.3: an unknown unit is NOT_FOUND, worded as a unit outside the caller's area", async () => {
    const person = await h.register(SHULINZHAO);
    const unknown = randomUUID();
    const message = await h.expectRefused("NOT_FOUND", () =>
      appoint(person, SHULINZHAO, { orgUnitId: unknown }),
    );
    expect(message).toBe(`Org unit ${unknown} does not exist in your area.`);
  });

  it("a deactivated unit (organization's OrgUnitDeactivated arrived)", async () => {
    const village = tree.find((u) => u.code === XUEJIAWAN_VILLAGE)!;
    const data: EventData<typeof OrgUnitDeactivated> = {
      ...village,
      active: false,
      version: 2,
      reason: "撤并",
      deactivatedBy: "test",
      deactivatedOn: "2026-05-01",
    };
    await h.handled(await h.publish(OrgUnitDeactivated, data, village.id));
    const person = await h.register(XUEJIAWAN);
    const message = await h.expectRefused("BAD_USER_INPUT", () => appoint(person, XUEJIAWAN_VILLAGE));
    expect(message).toContain("was deactivated");
  });

  it("overlapping posts of one person at the same unit (open-ended, or dated ranges that meet)", async () => {
    const person = await h.register(SHULINZHAO_VILLAGE_1);
    expect((await appoint(person, SHULINZHAO_VILLAGE_1)).errors).toBeUndefined();
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      appoint(person, SHULINZHAO_VILLAGE_1, { startDate: "2026-03-01" }),
    );
    expect(message).toContain("overlaps");
    // Two dated posts elsewhere: [Jan, Mar] then one starting on its last day overlaps; the day after does not.
    expect(
      (await appoint(person, SHULINZHAO_VILLAGE_2, { startDate: "2026-01-01", endDate: "2026-03-31" }))
        .errors,
    ).toBeUndefined();
    await h.expectRefused("BAD_USER_INPUT", () =>
      appoint(person, SHULINZHAO_VILLAGE_2, { startDate: "2026-03-31" }),
    );
  });

  it("an end date before the start date", async () => {
    const person = await h.register(SHULINZHAO);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      appoint(person, SHULINZHAO, { role: "PART_TIME", startDate: "2026-03-01", endDate: "2026-02-28" }),
    );
    expect(message).toContain("endDate 2026-02-28 is before startDate 2026-03-01");
  });

  it("a start date in the future, or not a date", async () => {
    const person = await h.register(SHULINZHAO);
    await h.expectRefused("BAD_USER_INPUT", () =>
      appoint(person, SHULINZHAO, { role: "PART_TIME", startDate: "2026-07-01" }),
    );
    await h.expectRefused("BAD_USER_INPUT", () =>
      appoint(person, SHULINZHAO, { role: "PART_TIME", startDate: "2026-02-30" }),
    );
  });

  it("#10.3: a person or a unit outside the caller's area is NOT_FOUND, worded as one that does not exist", async () => {
    const elsewhere = await h.register(XUEJIAWAN);
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        appoint(elsewhere, SHULINZHAO, { role: "PART_TIME" }, shulinzhaoClerk),
      ),
    ).toBe(`Statistician ${elsewhere} does not exist in your area.`);
    const mine = await h.register(SHULINZHAO);
    const message = await h.expectRefused("NOT_FOUND", () =>
      appoint(mine, JIGESITAI, { role: "PART_TIME" }, shulinzhaoClerk),
    );
    expect(message).toBe(`Org unit ${idOf(JIGESITAI)} does not exist in your area.`);
    expect(message).not.toContain("吉格斯太镇");
  });

  it("read-only roles may not appoint", async () => {
    const person = await h.register(SHULINZHAO);
    await h.expectRefused("FORBIDDEN", () =>
      appoint(person, SHULINZHAO, { role: "PART_TIME" }, as("FINANCE_OFFICER", DALATE)),
    );
  });
});

describe("changes to a post: each files its own R5 filing", () => {
  let person: string;
  let post: { id: string; version: number };

  beforeAll(async () => {
    person = await h.register(SHULINZHAO);
    await h.certify(person);
    post = (await h.appoint(person, SHULINZHAO, "PART_TIME", "CONTRACT", "2026-01-10")).assignment;
  });

  it("ROLE_CHANGE: the role and establishment change in place; a stale version is CONFLICT", async () => {
    const res = await mutate(CHANGE_ROLE, {
      assignmentId: post.id,
      expectedVersion: post.version,
      role: "FULL_TIME",
      establishment: "IN_ESTABLISHMENT",
      effectiveDate: "2026-04-01",
    });
    expect(res.errors).toBeUndefined();
    const change = res.data!.changeAssignmentRole;
    expect(change.assignment).toMatchObject({
      role: "FULL_TIME",
      establishment: "IN_ESTABLISHMENT",
      status: "ACTIVE",
      version: post.version + 1,
    });
    expect(change.filing).toMatchObject({
      change: "ROLE_CHANGE",
      route: "DIRECT",
      details: {
        previousRole: "PART_TIME",
        role: "FULL_TIME",
        previousEstablishment: "CONTRACT",
        establishment: "IN_ESTABLISHMENT",
        effectiveDate: "2026-04-01",
      },
    });
    await h.expectRefused("CONFLICT", () =>
      mutate(CHANGE_ROLE, {
        assignmentId: post.id,
        expectedVersion: post.version,
        role: "PART_TIME",
        effectiveDate: "2026-04-02",
      }),
    );
    post = change.assignment;
  });

  it("ROLE_CHANGE refuses nothing to change, a role the unit may not hold, and a date before the post began", async () => {
    await h.expectRefused("BAD_USER_INPUT", () =>
      mutate(CHANGE_ROLE, {
        assignmentId: post.id,
        expectedVersion: post.version,
        role: "FULL_TIME",
        effectiveDate: "2026-04-01",
      }),
    );
    await h.expectRefused("BAD_USER_INPUT", () =>
      mutate(CHANGE_ROLE, {
        assignmentId: post.id,
        expectedVersion: post.version,
        role: "LIAISON",
        effectiveDate: "2026-04-01",
      }),
    );
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        mutate(CHANGE_ROLE, {
          assignmentId: post.id,
          expectedVersion: post.version,
          role: "PART_TIME",
          effectiveDate: "2025-12-31",
        }),
      ),
    ).toContain("before the post's start date 2026-01-10");
  });

  it("TRANSFER: the old post ENDS and a new one STARTS at the other unit (ACTIVE: the person is certified); filed there", async () => {
    const [{ seq }] = await h.dataSource.query(`SELECT max(seq)::int AS seq FROM outbox`);
    const res = await mutate(TRANSFER, {
      assignmentId: post.id,
      expectedVersion: post.version,
      toOrgUnitId: idOf(JIGESITAI),
      date: "2026-05-01",
    });
    expect(res.errors).toBeUndefined();
    const change = res.data!.transferStatistician;
    expect(change.previousAssignment).toMatchObject({
      id: post.id,
      status: "ENDED",
      endDate: "2026-05-01",
      endReason: "Transferred to 吉格斯太镇 (150621101000)",
    });
    expect(change.assignment).toMatchObject({
      status: "ACTIVE",
      role: "FULL_TIME",
      establishment: "IN_ESTABLISHMENT",
      startDate: "2026-05-01",
      orgUnit: { id: idOf(JIGESITAI) },
    });
    expect(change.filing).toMatchObject({
      change: "TRANSFER",
      orgUnit: { id: idOf(JIGESITAI) },
      details: { fromOrgUnit: { id: idOf(SHULINZHAO) } },
    });
    const types = (
      await h.dataSource.query(`SELECT type FROM outbox WHERE seq > $1 ORDER BY seq`, [seq])
    ).map((r: { type: string }) => r.type);
    // Both units' R3 statuses (issue 12), then their compliance flips: the two units are re-evaluated
    // together (#15), and each unit's status still comes before its flip.
    expect(types).toEqual([
      "grassroots.personnel.assignment.ended.v1",
      "grassroots.personnel.assignment.started.v1",
      "grassroots.personnel.filing.submitted.v1",
      "grassroots.personnel.rule-status.changed.v1",
      "grassroots.personnel.rule-status.changed.v1",
      "grassroots.personnel.staffing.compliance-changed.v1",
      "grassroots.personnel.staffing.compliance-changed.v1",
    ]);
    post = change.assignment;
  });

  it("TRANSFER refuses the same unit, a unit whose kind does not take the role, and an ended post", async () => {
    await h.expectRefused("BAD_USER_INPUT", () =>
      mutate(TRANSFER, {
        assignmentId: post.id,
        expectedVersion: post.version,
        toOrgUnitId: idOf(JIGESITAI),
        date: "2026-06-01",
      }),
    );
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        mutate(TRANSFER, {
          assignmentId: post.id,
          expectedVersion: post.version,
          toOrgUnitId: idOf(JIGESITAI_VILLAGE),
          date: "2026-06-01",
        }),
      ),
    ).toContain("takes LIAISON, not FULL_TIME");
    expect(
      (
        await mutate(TRANSFER, {
          assignmentId: post.id,
          expectedVersion: post.version,
          toOrgUnitId: idOf(JIGESITAI_VILLAGE),
          date: "2026-06-01",
          role: "LIAISON",
        })
      ).errors,
    ).toBeUndefined();
    const ended = (
      await h.dataSource.query(`SELECT id, version FROM post_assignment WHERE id = $1`, [post.id])
    )[0];
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        mutate(TRANSFER, {
          assignmentId: ended.id,
          expectedVersion: ended.version,
          toOrgUnitId: idOf(SHULINZHAO),
          date: "2026-06-02",
        }),
      ),
    ).toContain("ended on 2026-06-01");
  });

  it("#10.3: TRANSFER across banners needs a caller whose area covers both units (the other one is NOT_FOUND, unnamed)", async () => {
    const mine = await h.register(SHULINZHAO);
    const { assignment } = await h.appoint(mine, SHULINZHAO, "PART_TIME", "CONTRACT");
    const message = await h.expectRefused("NOT_FOUND", () =>
      mutate(
        TRANSFER,
        {
          assignmentId: assignment.id,
          expectedVersion: assignment.version,
          toOrgUnitId: idOf(XUEJIAWAN),
          date: "2026-06-01",
        },
        as("BANNER_ADMIN", DALATE),
      ),
    );
    expect(message).toBe(`Org unit ${idOf(XUEJIAWAN)} does not exist in your area.`);
    expect(message).not.toContain("薛家湾镇");
  });

  it("DEPARTURE: ending a post with a reason; an end date before the start date is refused", async () => {
    const someone = await h.register(SHULINZHAO);
    const { assignment } = await h.appoint(someone, SHULINZHAO, "PART_TIME", "CONTRACT", "2026-03-01");
    const end = (endDate: string, expectedVersion = assignment.version) =>
      mutate(END, { assignmentId: assignment.id, expectedVersion, endDate, reason: "辞职" });
    expect(await h.expectRefused("BAD_USER_INPUT", () => end("2026-02-28"))).toContain(
      "before the post's start date",
    );
    await h.expectRefused("CONFLICT", () => end("2026-04-01", assignment.version + 5));
    const res = await end("2026-04-01");
    expect(res.data!.endAssignment).toMatchObject({
      assignment: { status: "ENDED", endDate: "2026-04-01", endReason: "辞职" },
      filing: { change: "DEPARTURE", details: { reason: "辞职", effectiveDate: "2026-04-01" } },
    });
    await h.expectRefused("BAD_USER_INPUT", () => end("2026-04-02", assignment.version + 1));
  });

  it("an assignment id that does not exist, or lies outside the caller's area, is NOT_FOUND", async () => {
    expectError(
      await mutate(END, {
        assignmentId: randomUUID(),
        expectedVersion: 1,
        endDate: "2026-04-01",
        reason: "x",
      }),
      "NOT_FOUND",
    );
    const { assignment } = await h.appoint(await h.register(XUEJIAWAN), XUEJIAWAN, "PART_TIME", "CONTRACT");
    await h.expectRefused("NOT_FOUND", () =>
      mutate(
        END,
        { assignmentId: assignment.id, expectedVersion: 1, endDate: "2026-04-01", reason: "x" },
        shulinzhaoClerk,
      ),
    );
  });
});
