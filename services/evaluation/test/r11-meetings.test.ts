import {
  EvaluationRuleStatusChanged,
  MeetingProblemStatusChanged,
  WorkMeetingRecorded,
} from "@grassroots/events";
import {
  as,
  CITY,
  cityAdmin,
  DALATE,
  dalateAdmin,
  DONGSHENG,
  GONGYE,
  idOf,
  SHULINZHAO,
  startHarness,
  YINGZE,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const RECORD = `mutation ($input: RecordWorkMeetingInput!) { recordWorkMeeting(input: $input) {
  id meetingDate kind studiedGrassrootsStatistics holder { id }
  problems { id status dueDate overdue version responsibleUnit { id } } } }`;
const CHANGE = `mutation ($input: ChangeProblemStatusInput!) { changeProblemStatus(input: $input) { id status overdue resolution evidence version } }`;
const CARRY = `mutation ($input: CarryOverProblemInput!) { carryOverProblem(input: $input) { from { id status carriedToId } to { id status carriedFromId dueDate meetingId } } }`;
const SUMMARY = `query ($id: ID!, $year: Int!) { meetingSummary(holderUnitId: $id, year: $year) { year meetingsStudied problemsRaised resolved overdue } }`;

const meeting = (over: Record<string, unknown> = {}) => ({
  holderUnitId: idOf(DALATE),
  meetingDate: "2026-03-10",
  kind: "EXECUTIVE",
  chair: "旗长",
  topics: ["统计基层基础建设"],
  studiedGrassrootsStatistics: true,
  minutesRef: "达府常〔2026〕5号",
  problems: [
    {
      description: "树林召镇统计人员不足",
      responsibleUnitId: idOf(SHULINZHAO),
      responsiblePerson: "张三",
      dueDate: "2026-05-31",
    },
    { description: "工业街道台账不全", responsibleUnitId: idOf(GONGYE), dueDate: "2026-12-31" },
  ],
  ...over,
});

const r11Status = async () =>
  (
    await h.dataSource.query(
      `SELECT status, figures FROM rule_status_published WHERE rule = 'R11.meeting-problems' AND subject_unit_id = $1 AND period = '2026'`,
      [idOf(DALATE)],
    )
  )[0];

let problems: { id: string; version: number }[] = [];
let first: string;

it("R11: a banner's executive meeting with its problems is recorded; R11 for the banner and year is published", async () => {
  const res = await h.call(RECORD, { input: meeting() }, dalateAdmin);
  expect(res.errors).toBeUndefined();
  first = res.data!.recordWorkMeeting.id;
  problems = res.data!.recordWorkMeeting.problems;
  expect(res.data!.recordWorkMeeting).toMatchObject({ kind: "EXECUTIVE", studiedGrassrootsStatistics: true });
  expect(problems.map((p: unknown) => (p as { status: string }).status)).toEqual(["OPEN", "OPEN"]);
  // due 2026-05-31, still open on 2026-06-30: overdue already
  expect((res.data!.recordWorkMeeting.problems[0] as { overdue: boolean }).overdue).toBe(true);
  const [event] = await h.dataSource.query(`SELECT data FROM outbox WHERE type = $1`, [
    WorkMeetingRecorded.type,
  ]);
  expect(JSON.stringify(event.data)).not.toContain("张三"); // no person in events
  expect(await r11Status()).toMatchObject({
    status: "NOT_MET",
    figures: { meetingsStudied: 1, problemsRaised: 2, resolved: 0, overdue: 1 },
  });
  const types = (await h.dataSource.query(`SELECT type FROM outbox ORDER BY seq`)).map(
    (r: { type: string }) => r.type,
  );
  expect(types).toContain(EvaluationRuleStatusChanged.type);
});

it("R11: a problem goes OPEN → IN_PROGRESS → RESOLVED with its resolution and evidence; R11 flips to MET", async () => {
  const [p] = problems;
  const progress = await h.call(
    CHANGE,
    { input: { problemId: p.id, status: "IN_PROGRESS", expectedVersion: p.version } },
    dalateAdmin,
  );
  expect(progress.data!.changeProblemStatus).toMatchObject({ status: "IN_PROGRESS", overdue: true });
  const resolved = await h.call(
    CHANGE,
    {
      input: {
        problemId: p.id,
        status: "RESOLVED",
        resolution: "新增专职统计员1名",
        evidence: "任命文件",
        resolvedOn: "2026-06-20",
        expectedVersion: progress.data!.changeProblemStatus.version,
      },
    },
    dalateAdmin,
  );
  expect(resolved.data!.changeProblemStatus).toMatchObject({
    status: "RESOLVED",
    overdue: false,
    evidence: "任命文件",
  });
  expect((await r11Status()).status).toBe("MET");
  expect(
    (await h.call(SUMMARY, { id: idOf(DALATE), year: 2026 }, as("INSPECTOR", CITY))).data!.meetingSummary,
  ).toEqual({
    year: 2026,
    meetingsStudied: 1,
    problemsRaised: 2,
    resolved: 1,
    overdue: 0,
  });
});

it("R11: a problem carried over to a later meeting is linked both ways and counted where it continues", async () => {
  const later = await h.call(
    RECORD,
    { input: meeting({ meetingDate: "2026-06-15", kind: "SPECIAL", problems: [] }) },
    dalateAdmin,
  );
  const [, p] = problems;
  const res = await h.call(
    CARRY,
    {
      input: {
        problemId: p.id,
        toMeetingId: later.data!.recordWorkMeeting.id,
        dueDate: "2026-09-30",
        expectedVersion: p.version,
      },
    },
    dalateAdmin,
  );
  expect(res.errors).toBeUndefined();
  const { from, to } = res.data!.carryOverProblem;
  expect(from).toEqual({ id: p.id, status: "CARRIED_OVER", carriedToId: to.id });
  expect(to).toMatchObject({
    status: "OPEN",
    carriedFromId: p.id,
    dueDate: "2026-09-30",
    meetingId: later.data!.recordWorkMeeting.id,
  });
  expect(
    (await h.call(SUMMARY, { id: idOf(DALATE), year: 2026 }, dalateAdmin)).data!.meetingSummary,
  ).toMatchObject({ meetingsStudied: 2, problemsRaised: 2, resolved: 1 });
});

it("R11: the periodic check flags a problem that became overdue, with an event, and R11 turns NOT_MET without any user action", async () => {
  const res = await h.call(
    RECORD,
    {
      input: meeting({
        meetingDate: "2026-06-01",
        problems: [
          { description: "村级统计员未到岗", responsibleUnitId: idOf(GONGYE), dueDate: "2026-06-29" },
        ],
      }),
    },
    dalateAdmin,
  );
  expect(res.errors).toBeUndefined();
  const before = (
    await h.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE type = $1`, [
      MeetingProblemStatusChanged.type,
    ])
  )[0].n;
  await h.wiring.tasks.find((t) => t.name === "r11-problems-overdue")!.run();
  const flagged = await h.dataSource.query(`SELECT data FROM outbox WHERE type = $1 ORDER BY seq OFFSET $2`, [
    MeetingProblemStatusChanged.type,
    before,
  ]);
  expect(
    flagged.map((e: { data: { overdue: boolean; status: string } }) => [e.data.status, e.data.overdue]),
  ).toEqual([["OPEN", true]]);
  expect((await r11Status()).status).toBe("NOT_MET");
  await h.wiring.tasks.find((t) => t.name === "r11-problems-overdue")!.run();
  expect(
    (
      await h.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE type = $1`, [
        MeetingProblemStatusChanged.type,
      ])
    )[0].n,
  ).toBe(before + 1);
});

it("R11: a banner or district that recorded no meeting this year is NOT_MET by the periodic check, with no user action; a second run publishes nothing", async () => {
  const r11Rows = () =>
    h.dataSource.query(
      `SELECT subject_unit_id AS id, status, reason FROM rule_status_published
        WHERE rule = 'R11.meeting-problems' AND period = '2026' ORDER BY subject_unit_path`,
    );
  await h.wiring.tasks.find((t) => t.name === "r11-problems-overdue")!.run();
  const rows: { id: string; status: string; reason: string }[] = await r11Rows();
  // all nine of Ordos: 达拉特旗 has its meetings; the eight others none
  expect(rows).toHaveLength(9);
  const others = rows.filter((r) => r.id !== idOf(DALATE));
  expect(others).toHaveLength(8);
  for (const r of others)
    expect(r).toMatchObject({
      status: "NOT_MET",
      reason: "no meeting studied grassroots statistics in 2026",
    });
  expect(others.map((r) => r.id)).toContain(idOf(DONGSHENG)); // a district too
  const events = async () =>
    (
      await h.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE type = $1`, [
        EvaluationRuleStatusChanged.type,
      ])
    )[0].n;
  const before = await events();
  await h.wiring.tasks.find((t) => t.name === "r11-problems-overdue")!.run();
  expect(await events()).toBe(before);
});

it("R11: OrgUnit.meetings lists a banner's meetings with their problems in a fixed number of statements", async () => {
  const Q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { meetings(year: 2026) { meetingDate problems { status } } } } }`;
  h.queries.queries = [];
  const res = await h.call(
    Q,
    {
      reps: [
        { __typename: "OrgUnit", id: idOf(DALATE) },
        { __typename: "OrgUnit", id: idOf(CITY) },
      ],
    },
    cityAdmin,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!._entities[0].meetings.map((m: { meetingDate: string }) => m.meetingDate)).toEqual([
    "2026-06-15",
    "2026-06-01",
    "2026-03-10",
  ]);
  expect(h.queries.queries.filter((q) => !/outbox|inbox/i.test(q)).length).toBeLessThanOrEqual(3);
});

it("R11: a township clerk reading their banner's meetings sees their own township's problems only — not another unit's, nor who answers for it", async () => {
  const Q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit {
    meetings(year: 2026) { problems { responsibleUnit { id } responsiblePerson } } } } }`;
  const reps = [{ __typename: "OrgUnit", id: idOf(DALATE) }];
  const problemsAs = async (who: Parameters<typeof h.call>[2]) => {
    const res = await h.call(Q, { reps }, who);
    expect(res.errors).toBeUndefined();
    return (res.data!._entities[0].meetings as { problems: { responsibleUnit: { id: string } }[] }[]).flatMap(
      (m) => m.problems.map((p) => p.responsibleUnit.id),
    );
  };
  const clerkSees = await problemsAs(as("UNIT_CLERK", SHULINZHAO));
  expect(clerkSees.length).toBeGreaterThan(0);
  expect([...new Set(clerkSees)]).toEqual([idOf(SHULINZHAO)]);
  // the banner's own bureau (and the city above it) still sees every problem its meetings raised
  expect(await problemsAs(dalateAdmin)).toContain(idOf(GONGYE));
  expect(await problemsAs(cityAdmin)).toContain(idOf(GONGYE));
});

it("R11: refusals — a clerk, another banner's meeting, a responsible unit outside the holder, a due date before the meeting, a stale version, resolving without evidence", async () => {
  await h.expectRefused("FORBIDDEN", () => h.call(RECORD, { input: meeting() }, as("UNIT_CLERK", DALATE)));
  expect(await h.expectRefused("NOT_FOUND", () => h.call(RECORD, { input: meeting() }, zhungeerAdmin))).toBe(
    `Org unit ${idOf(DALATE)} does not exist in your area.`,
  );
  expect(
    await h.expectRefused("FORBIDDEN", () =>
      h.call(RECORD, { input: meeting({ holderUnitId: idOf(CITY) }) }, dalateAdmin),
    ),
  ).toMatch(/Only the bureau of/);
  const outside = meeting({
    problems: [{ description: "x", responsibleUnitId: idOf(YINGZE), dueDate: "2026-12-31" }],
  });
  expect(
    await h.expectRefused("BAD_USER_INPUT", () => h.call(RECORD, { input: outside }, dalateAdmin)),
  ).toMatch(/problems\[0\].responsibleUnitId/);
  const early = meeting({
    problems: [{ description: "x", responsibleUnitId: idOf(GONGYE), dueDate: "2026-03-01" }],
  });
  expect(await h.expectRefused("BAD_USER_INPUT", () => h.call(RECORD, { input: early }, dalateAdmin))).toBe(
    "problems[0].dueDate is before the meeting.",
  );
  const [, ,] = problems;
  const open = (
    await h.dataSource.query(
      `SELECT id, version FROM meeting_problem WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`,
    )
  )[0];
  await h.expectRefused("CONFLICT", () =>
    h.call(
      CHANGE,
      { input: { problemId: open.id, status: "IN_PROGRESS", expectedVersion: open.version + 5 } },
      dalateAdmin,
    ),
  );
  expect(
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        CHANGE,
        {
          input: {
            problemId: open.id,
            status: "RESOLVED",
            resolution: "done",
            expectedVersion: open.version,
          },
        },
        dalateAdmin,
      ),
    ),
  ).toBe("evidence is required.");
  expect(first).toBeDefined();
});
