import { WorkMeetingRecorded } from "@grassroots/events";
import { DALATE, dalateAdmin, idOf, outboxTypes, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const RECORD = `mutation ($input: RecordWorkMeetingInput!) { recordWorkMeeting(input: $input) { id } }`;
const input = (over: Record<string, unknown> = {}) => ({
  requestId: "meeting-2026-03-10",
  holderUnitId: idOf(DALATE),
  meetingDate: "2026-03-10",
  kind: "BUREAU",
  chair: "局长",
  topics: ["统计基层基础建设"],
  studiedGrassrootsStatistics: true,
  ...over,
});

it("R11: a retried recordWorkMeeting with the same requestId returns the first meeting and writes nothing; other input is CONFLICT", async () => {
  const first = await h.call(RECORD, { input: input() }, dalateAdmin);
  expect(first.errors).toBeUndefined();
  const before = await h.fingerprint();
  const retry = await h.call(RECORD, { input: input() }, dalateAdmin);
  expect(retry.data!.recordWorkMeeting.id).toBe(first.data!.recordWorkMeeting.id);
  expect(await h.fingerprint()).toBe(before);
  expect((await outboxTypes(h.dataSource)).filter((t) => t === WorkMeetingRecorded.type)).toHaveLength(1);
  await h.expectRefused("CONFLICT", () => h.call(RECORD, { input: input({ chair: "副局长" }) }, dalateAdmin));
});
