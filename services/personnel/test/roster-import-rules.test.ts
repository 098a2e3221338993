import { AssignmentActivated, FilingSubmitted } from "@grassroots/events";
import { randomUUID } from "node:crypto";
import {
  dalateAdmin,
  idOf,
  JIGESITAI,
  newIdNumber,
  SHULINZHAO,
  SHULINZHAO_COMMUNITY,
  SHULINZHAO_VILLAGE_1,
  shulinzhaoClerk,
  startHarness,
  type Harness,
} from "./support/harness";
import { FILE, FORWARD } from "./support/operations";
import { csvOf, reportOf } from "./support/roster-files";
import { idNumberHashOf } from "./support/personal-data";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

const HEADER = ["name", "id_number", "unit_code", "role", "establishment", "start_date"];
const importOne = (who: typeof dalateAdmin, ...row: string[]) =>
  reportOf(h, who, { format: "CSV", content: csvOf([HEADER, row]) });
const postOf = async (idNumber: string) =>
  (
    await h.dataSource.query(
      `SELECT a.id, a.statistician_id AS "statisticianId", a.status, a.certificate_id AS "certificateId", u.code
         FROM post_assignment a JOIN statistician s ON s.id = a.statistician_id JOIN org_unit u ON u.id = a.org_unit_id
        WHERE s.id_number_hash = $1`,
      [idNumberHashOf(h.dataSource, idNumber)],
    )
  )[0];

describe("R7: an imported appointment is gated by pre-post training like any other", () => {
  it("R7: it starts PENDING_TRAINING, and training's certificate makes it ACTIVE", async () => {
    const id = newIdNumber();
    expect(
      await importOne(dalateAdmin, "钟一", id, SHULINZHAO_COMMUNITY, "PART_TIME", "CONTRACT", "2026-05-01"),
    ).toMatchObject({
      registered: 1,
      appointed: 1,
    });
    const post = await postOf(id);
    expect(post).toMatchObject({ status: "PENDING_TRAINING", certificateId: null });
    const certificateId = await h.certify(post.statisticianId, "2026-06-01");
    expect(await postOf(id)).toMatchObject({ status: "ACTIVE", certificateId });
    const [activated] = await h.dataSource.query(
      `SELECT data FROM outbox WHERE type = $1 AND data->>'assignmentId' = $2`,
      [AssignmentActivated.type, post.id],
    );
    expect(activated).toBeDefined();
  });

  it("R7: a person who already holds a pre-post certificate is imported into an ACTIVE post at once", async () => {
    const id = newIdNumber();
    const person = await h.register(SHULINZHAO, { name: "钟二", idNumber: id });
    const certificateId = await h.certify(person, "2026-02-01");
    expect(
      await importOne(dalateAdmin, "钟二", id, SHULINZHAO, "FULL_TIME", "IN_ESTABLISHMENT", "2026-03-01"),
    ).toMatchObject({
      registered: 0,
      appointed: 1,
      unchanged: 0,
    });
    expect(await postOf(id)).toMatchObject({ status: "ACTIVE", certificateId, code: SHULINZHAO });
  });

  it("R7: an imported post waiting longer than PENDING_TRAINING_MAX_DAYS turns the unit's R7 status NOT_MET", async () => {
    await importOne(
      dalateAdmin,
      "钟三",
      newIdNumber(),
      JIGESITAI,
      "FULL_TIME",
      "IN_ESTABLISHMENT",
      "2026-01-05",
    );
    await h.ruleStatusTask.run();
    const [status] = await h.dataSource.query(
      `SELECT status, figures FROM rule_status_published WHERE rule = 'R7.pending-training' AND subject_unit_id = $1`,
      [idOf(JIGESITAI)],
    );
    expect(status).toMatchObject({
      status: "NOT_MET",
      figures: { pendingTooLong: 1, pending: 1, oldestPendingSince: "2026-01-05" },
    });
  });
});

describe("R5: an imported appointment is filed level by level like any other", () => {
  it("R5: a village's appointment is an APPOINTMENT filing via its township, forwarded by the township and filed by the banner bureau", async () => {
    const id = newIdNumber();
    await importOne(
      dalateAdmin,
      "钟四",
      id,
      SHULINZHAO_VILLAGE_1,
      "LIAISON",
      "PUBLIC_WELFARE_POST",
      "2026-04-01",
    );
    const post = await postOf(id);
    const [filing] = await h.dataSource.query(
      `SELECT id, change, route, status, version, township_id AS "townshipId", banner_id AS "bannerId" FROM filing WHERE assignment_id = $1`,
      [post.id],
    );
    expect(filing).toMatchObject({
      change: "APPOINTMENT",
      route: "VIA_TOWNSHIP",
      status: "SUBMITTED",
      townshipId: idOf(SHULINZHAO),
      bannerId: idOf("150621000000"),
    });
    const [submitted] = await h.dataSource.query(
      `SELECT data FROM outbox WHERE type = $1 AND data->>'filingId' = $2`,
      [FilingSubmitted.type, filing.id],
    );
    expect(submitted).toBeDefined();
    const forwarded = await h.call(
      FORWARD,
      { input: { requestId: randomUUID(), filingId: filing.id, expectedVersion: filing.version } },
      shulinzhaoClerk,
    );
    expect(forwarded.errors).toBeUndefined();
    const filed = await h.call(
      FILE,
      {
        input: {
          requestId: randomUUID(),
          filingId: filing.id,
          expectedVersion: forwarded.data!.forwardFiling.version,
        },
      },
      dalateAdmin,
    );
    expect(filed.data!.fileFiling.status).toBe("FILED");
  });
});
