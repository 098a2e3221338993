import {
  AssignmentActivated,
  dlqTopicOf,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitUpdated,
  StatisticianUpdated,
  type EventData,
  type OrgUnitCreated,
} from "@grassroots/events";
import { readTopic, waitFor } from "@grassroots/testing";
import {
  as,
  cityAdmin,
  dalateAdmin,
  idOf,
  ordosStates,
  pathOfCode,
  SHULINZHAO,
  startHarness,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";
import { ENROLL, ok, openSession } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const stateOf = (code: string): EventData<typeof OrgUnitCreated> =>
  ordosStates().find((u) => u.code === code)!;
const unitRow = async (code: string) =>
  (
    await h.dataSource.query(`SELECT name, path, active, version FROM org_unit WHERE id = $1`, [idOf(code)])
  )[0];
/** Waits until the consumer has handled every event sent so far (the marker is the last one). */
async function settle(marker: () => Promise<unknown>, done: () => Promise<boolean>) {
  await marker();
  await waitFor(done, "the consumer to catch up", 20000, 100);
}

describe("projections of organization's and personnel's events", () => {
  it("applies only newer versions: a redelivered event, a resend with a new id and an older version change nothing", async () => {
    const town = stateOf("150621101000"); // 吉格斯太镇
    const renamed = { ...town, name: "吉格斯太镇（新）", version: 3, changed: ["name"] };
    const eventId = await h.publish(OrgUnitUpdated, renamed, town.id);
    await waitFor(async () => (await unitRow("150621101000")).version === 3, "version 3");
    await h.publish(OrgUnitUpdated, renamed, town.id, eventId); // redelivery: the inbox skips it
    await h.publish(OrgUnitUpdated, { ...renamed, name: "旧名", version: 2 }, town.id); // older state, new event id
    await h.publish(OrgUnitUpdated, { ...renamed, name: "同版本重发" }, town.id); // same version resent
    await settle(
      () =>
        h.publish(
          OrgUnitUpdated,
          { ...stateOf("150621102000"), version: 2, changed: [] },
          idOf("150621102000"),
        ),
      async () => (await unitRow("150621102000")).version === 2,
    );
    expect(await unitRow("150621101000")).toMatchObject({ name: "吉格斯太镇（新）", version: 3 });
    const [inbox] = await h.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [
      eventId,
    ]);
    expect(inbox.n).toBe(1);
  });

  it("follows moves: a township moved to another banner takes its statisticians' scope with it", async () => {
    const [person] = await h.appoint([{ unitCode: "150621103000", name: "随迁" }]); // 王爱召镇, Dalate
    const moving = stateOf("150621103000");
    const newPath = `${pathOfCode("150622000000")}${moving.id}/`;
    await h.publish(
      OrgUnitMoved,
      {
        ...moving,
        code: "150622199000",
        parentId: idOf("150622000000"),
        path: newPath,
        version: 2,
        previousParentId: moving.parentId,
        previousCode: moving.code,
        previousPath: moving.path,
        descendantsMoved: 0,
      },
      moving.id,
    );
    await waitFor(async () => (await unitRow("150621103000")).path === newPath, "the moved path");
    const dalateSession = await openSession(h, {}, dalateAdmin);
    // Now outside the Dalate admin's area (NOT_FOUND); the city admin, who sees the person, is told where they serve.
    const refused = await h.expectRefused("NOT_FOUND", () =>
      h.call(
        ENROLL,
        { input: { sessionId: dalateSession.id, statisticianId: person.statisticianId } },
        dalateAdmin,
      ),
    );
    expect(refused).toBe(`Statistician ${person.statisticianId} does not exist in your area.`);
    const told = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        ENROLL,
        { input: { sessionId: dalateSession.id, statisticianId: person.statisticianId } },
        cityAdmin,
      ),
    );
    expect(told).toContain("serves only outside its area");
    const zhungeerSession = await openSession(h, { organizer: "150622000000" }, zhungeerAdmin);
    await ok(
      h,
      ENROLL,
      { input: { sessionId: zhungeerSession.id, statisticianId: person.statisticianId } },
      zhungeerAdmin,
    );
  });

  it("a deactivated home unit sees nothing and may do nothing", async () => {
    const clerkHome = stateOf("150621104000");
    await h.publish(
      OrgUnitDeactivated,
      {
        ...clerkHome,
        active: false,
        version: 2,
        reason: "撤并",
        deactivatedBy: "test",
        deactivatedOn: "2026-01-01",
      },
      clerkHome.id,
    );
    await waitFor(async () => (await unitRow("150621104000")).active === false, "the deactivation");
    const res = await h.call(`{ trainingSessions { totalCount } }`, {}, as("UNIT_CLERK", "150621104000"));
    expect(res.data!.trainingSessions.totalCount).toBe(0);
    const visible = await h.call(`{ trainingSessions { totalCount } }`, {}, as("UNIT_CLERK", SHULINZHAO));
    expect(visible.data!.trainingSessions.totalCount).toBeGreaterThan(0);
  });

  it("projects statisticians and their assignments: renames, activation, in order of version", async () => {
    const [person] = await h.appoint([{ unitCode: SHULINZHAO, name: "原名", status: "PENDING_TRAINING" }]);
    await h.publish(
      StatisticianUpdated,
      {
        statisticianId: person.statisticianId,
        name: "新名",
        gender: "M",
        ethnicity: "蒙古族",
        education: null,
        title: null,
        version: 2,
        changed: ["name"],
      },
      person.statisticianId,
    );
    await h.publish(
      AssignmentActivated,
      {
        assignmentId: person.assignmentId,
        statisticianId: person.statisticianId,
        orgUnitId: idOf(SHULINZHAO),
        orgUnitPath: pathOfCode(SHULINZHAO),
        role: "FULL_TIME",
        establishment: "IN_ESTABLISHMENT",
        status: "ACTIVE",
        startDate: "2025-01-01",
        endDate: null,
        version: 2,
        certificateId: null,
      },
      person.assignmentId,
    );
    await waitFor(async () => {
      const [row] = await h.dataSource.query(
        `SELECT s.name, a.status FROM statistician s JOIN statistician_assignment a ON a.statistician_id = s.id WHERE s.id = $1`,
        [person.statisticianId],
      );
      return row?.name === "新名" && row.status === "ACTIVE";
    }, "the renamed, activated person");
  });

  it("every event above was applied: nothing went to the dead-letter topics", async () => {
    for (const contract of [OrgUnitUpdated, AssignmentActivated, StatisticianUpdated]) {
      expect(await readTopic(dlqTopicOf(`${h.prefix}${contract.topic}`), 1, 2000, 0)).toEqual([]);
    }
    const res = await h.call(`{ trainingCoverage(year: 2026) { banners { banner { id } } } }`, {}, cityAdmin);
    expect(res.data!.trainingCoverage.banners.length).toBe(9);
  });
});
