import {
  as,
  DALATE,
  GONGYE,
  SHULINZHAO,
  startHarness,
  type Appointment,
  type Harness,
} from "./support/harness";
import { CANCEL, COMPLETE, ENROLL, ok, OPEN, PLAN, planInput, RECORD, WITHDRAW } from "./support/operations";

let h: Harness;
let people: Appointment[];
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  people = await h.appoint([
    { unitCode: SHULINZHAO, name: "新人甲", status: "PENDING_TRAINING" },
    { unitCode: GONGYE, name: "新人乙", status: "PENDING_TRAINING" },
  ]);
});
afterAll(() => h.stop());

/** A banner admin whose token carries a display name, and one whose (older) token carries none. */
const wangLi = as("BANNER_ADMIN", DALATE, "acc-dalate-wangli", "王丽");
const unnamed = as("BANNER_ADMIN", DALATE, "acc-dalate-anon");

const ACTORS = `id plannedBy plannedByName openedBy openedByName completedBy completedByName cancelledBy cancelledByName`;
const ENROLLMENT_ACTORS = `enrolledBy enrolledByName withdrawnBy withdrawnByName resultRecordedBy resultRecordedByName
  certificate { issuedBy issuedByName }`;
const SESSION_ACTORS = `query ($id: ID!) { trainingSession(id: $id) { ${ACTORS} enrollments { statisticianId ${ENROLLMENT_ACTORS} } } }`;

const sessionRow = async (id: string) =>
  (
    await h.dataSource.query(
      `SELECT planned_by, planned_by_name, opened_by, opened_by_name, completed_by, completed_by_name, cancelled_by, cancelled_by_name
         FROM training_session WHERE id = $1`,
      [id],
    )
  )[0];

describe("#10.7: history names people, not token subjects", () => {
  it("#10.7: every step of a session, its enrolments, results and certificate store and show 王丽 beside her account", async () => {
    const planned = await ok(h, PLAN, { input: planInput() }, wangLi);
    const opened = await ok(h, OPEN, { input: { id: planned.id, expectedVersion: planned.version } }, wangLi);
    const [first, second] = people.map((p) => p.statisticianId);
    await ok(h, ENROLL, { input: { sessionId: opened.id, statisticianId: first } }, wangLi);
    const other = await ok(h, ENROLL, { input: { sessionId: opened.id, statisticianId: second } }, wangLi);
    await ok(
      h,
      WITHDRAW,
      { input: { enrollmentId: other.id, expectedVersion: other.version, reason: "调岗" } },
      wangLi,
    );
    await ok(h, COMPLETE, { input: { id: opened.id, expectedVersion: opened.version } }, wangLi);
    const recorded = await ok(
      h,
      RECORD,
      { input: { sessionId: opened.id, statisticianId: first, hoursAttended: 16, result: "PASSED" } },
      wangLi,
    );
    expect(recorded.certificate).not.toBeNull();

    expect(await sessionRow(opened.id)).toEqual({
      planned_by: "acc-dalate-wangli",
      planned_by_name: "王丽",
      opened_by: "acc-dalate-wangli",
      opened_by_name: "王丽",
      completed_by: "acc-dalate-wangli",
      completed_by_name: "王丽",
      cancelled_by: null,
      cancelled_by_name: null,
    });
    const [enrolment] = await h.dataSource.query(
      `SELECT e.enrolled_by_name, e.result_recorded_by, e.result_recorded_by_name, c.issued_by, c.issued_by_name
         FROM training_enrollment e JOIN training_certificate c ON c.enrollment_id = e.id WHERE e.id = $1`,
      [recorded.id],
    );
    expect(enrolment).toEqual({
      enrolled_by_name: "王丽",
      result_recorded_by: "acc-dalate-wangli",
      result_recorded_by_name: "王丽",
      issued_by: "acc-dalate-wangli",
      issued_by_name: "王丽",
    });
    const [withdrawn] = await h.dataSource.query(
      `SELECT withdrawn_by, withdrawn_by_name FROM training_enrollment WHERE id = $1`,
      [other.id],
    );
    expect(withdrawn).toEqual({ withdrawn_by: "acc-dalate-wangli", withdrawn_by_name: "王丽" });

    const read = await ok(h, SESSION_ACTORS, { id: opened.id }, wangLi);
    expect(read).toMatchObject({
      plannedBy: "acc-dalate-wangli",
      plannedByName: "王丽",
      openedByName: "王丽",
      completedByName: "王丽",
      cancelledByName: null,
    });
    const byPerson = new Map(read.enrollments.map((e: { statisticianId: string }) => [e.statisticianId, e]));
    expect(byPerson.get(first)).toEqual({
      statisticianId: first,
      enrolledBy: "acc-dalate-wangli",
      enrolledByName: "王丽",
      withdrawnBy: null,
      withdrawnByName: null,
      resultRecordedBy: "acc-dalate-wangli",
      resultRecordedByName: "王丽",
      certificate: { issuedBy: "acc-dalate-wangli", issuedByName: "王丽" },
    });
    expect(byPerson.get(second)).toMatchObject({ withdrawnBy: "acc-dalate-wangli", withdrawnByName: "王丽" });
  });

  it("#10.7: a token without a name records the subject as the name; a cancellation names who cancelled", async () => {
    const planned = await ok(h, PLAN, { input: planInput({ title: "无名令牌" }) }, unnamed);
    const cancelled = await ok(
      h,
      CANCEL,
      { input: { id: planned.id, expectedVersion: planned.version, reason: "改期" } },
      wangLi,
    );
    expect(await sessionRow(cancelled.id)).toMatchObject({
      planned_by: "acc-dalate-anon",
      planned_by_name: "acc-dalate-anon",
      cancelled_by: "acc-dalate-wangli",
      cancelled_by_name: "王丽",
    });
    const read = await ok(h, SESSION_ACTORS, { id: planned.id }, unnamed);
    expect(read).toMatchObject({
      plannedBy: "acc-dalate-anon",
      plannedByName: "acc-dalate-anon",
      cancelledBy: "acc-dalate-wangli",
      cancelledByName: "王丽",
    });
  });

  it("#10.7: rows written before names were kept show a null name beside the account", async () => {
    const planned = await ok(h, PLAN, { input: planInput({ title: "旧记录" }) }, wangLi);
    await h.dataSource.query(`UPDATE training_session SET planned_by_name = NULL WHERE id = $1`, [
      planned.id,
    ]);
    const read = await ok(h, SESSION_ACTORS, { id: planned.id }, wangLi);
    expect(read).toMatchObject({ plannedBy: "acc-dalate-wangli", plannedByName: null });
    const [column] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.columns
        WHERE table_name IN ('training_session', 'training_enrollment', 'training_certificate') AND column_name LIKE '%\\_by\\_name' AND is_nullable = 'YES'`,
    );
    expect(column.n).toBe(8);
  });
});
