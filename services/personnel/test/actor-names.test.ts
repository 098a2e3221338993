import { randomUUID } from "node:crypto";
import {
  as,
  DALATE,
  idOf,
  newIdNumber,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  shulinzhaoClerk,
  startHarness,
  type Harness,
} from "./support/harness";
import { REGISTER } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

const wangLi = as("UNIT_CLERK", SHULINZHAO, "acc-township-clerk-slz", "王丽");
const zhangQiang = as("BANNER_ADMIN", DALATE, "acc-banner-admin-dlt", "张强");

const NAMES = `id version submittedBy submittedByName forwardedBy forwardedByName decidedBy decidedByName
  steps { step actor actorName }`;

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers, loosely typed as callSubgraph's */
const data = (res: { data?: any; errors?: unknown }): any => {
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0];
};
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("#10.7 R5: history names people, not token subjects", () => {
  it("#10.7 R5: a filing submitted by 王丽 and filed by 张强 names both in its history, through GraphQL and in the database; no name → the subject", async () => {
    const person = data(
      await h.call(
        REGISTER,
        {
          input: {
            requestId: randomUUID(),
            orgUnitId: idOf(SHULINZHAO_VILLAGE_1),
            name: "测试联络员",
            idNumber: newIdNumber(),
          },
        },
        wangLi,
      ),
    );
    const change = data(
      await h.call(
        `mutation ($input: AppointStatisticianInput!) { appointStatistician(input: $input) {
          assignment { createdBy createdByName } filing { ${NAMES} } } }`,
        {
          input: {
            requestId: randomUUID(),
            statisticianId: person.id,
            orgUnitId: idOf(SHULINZHAO_VILLAGE_1),
            role: "LIAISON",
            establishment: "PUBLIC_WELFARE_POST",
            startDate: "2026-01-05",
          },
        },
        wangLi,
      ),
    );
    expect(change.assignment).toEqual({ createdBy: wangLi.userId, createdByName: "王丽" });
    const step = async (mutation: string, filing: { id: string; version: number }, who: typeof wangLi) =>
      data(
        await h.call(
          `mutation ($input: FilingStepInput!) { ${mutation}(input: $input) { ${NAMES} } }`,
          { input: { requestId: randomUUID(), filingId: filing.id, expectedVersion: filing.version } },
          who,
        ),
      );
    // The township's clerk here carries no name (an older token): the subject stands for it.
    const forwarded = await step("forwardFiling", change.filing, shulinzhaoClerk);
    const filed = await step("fileFiling", forwarded, zhangQiang);

    expect(filed).toMatchObject({
      submittedBy: wangLi.userId,
      submittedByName: "王丽",
      forwardedBy: shulinzhaoClerk.userId,
      forwardedByName: shulinzhaoClerk.userId,
      decidedBy: zhangQiang.userId,
      decidedByName: "张强",
    });
    expect(filed.steps).toEqual([
      { step: "SUBMIT", actor: wangLi.userId, actorName: "王丽" },
      { step: "FORWARD", actor: shulinzhaoClerk.userId, actorName: shulinzhaoClerk.userId },
      { step: "FILE", actor: zhangQiang.userId, actorName: "张强" },
    ]);

    expect(
      await h.dataSource.query(
        `SELECT step, actor, actor_name FROM filing_step WHERE filing_id = $1 ORDER BY id`,
        [filed.id],
      ),
    ).toEqual([
      { step: "SUBMIT", actor: wangLi.userId, actor_name: "王丽" },
      { step: "FORWARD", actor: shulinzhaoClerk.userId, actor_name: shulinzhaoClerk.userId },
      { step: "FILE", actor: zhangQiang.userId, actor_name: "张强" },
    ]);
    expect(
      await h.dataSource.query(
        `SELECT f.submitted_by_name, f.forwarded_by_name, f.decided_by_name, a.created_by_name AS post_by,
                s.created_by, s.created_by_name AS person_by
           FROM filing f JOIN post_assignment a ON a.id = f.assignment_id JOIN statistician s ON s.id = f.statistician_id
          WHERE f.id = $1`,
        [filed.id],
      ),
    ).toEqual([
      {
        submitted_by_name: "王丽",
        forwarded_by_name: shulinzhaoClerk.userId,
        decided_by_name: "张强",
        post_by: "王丽",
        created_by: wangLi.userId,
        person_by: "王丽",
      },
    ]);
  });

  it("#10.7 R5: rows recorded before names were kept (name null) show the subject", async () => {
    const person = await h.register(SHULINZHAO);
    const { filing } = await h.appoint(person, SHULINZHAO, "PART_TIME", "CONTRACT");
    await h.dataSource.query(`ALTER TABLE filing_step DISABLE TRIGGER filing_step_append_only`);
    await h.dataSource.query(`UPDATE filing_step SET actor_name = NULL WHERE filing_id = $1`, [filing.id]);
    await h.dataSource.query(`ALTER TABLE filing_step ENABLE TRIGGER filing_step_append_only`);
    await h.dataSource.query(`UPDATE filing SET submitted_by_name = NULL WHERE id = $1`, [filing.id]);
    const res = data(
      await h.call(`query ($id: ID!) { filing(id: $id) { ${NAMES} } }`, { id: filing.id }, zhangQiang),
    );
    expect(res).toMatchObject({ submittedByName: res.submittedBy, decidedByName: null });
    expect(res.steps).toEqual([{ step: "SUBMIT", actor: res.submittedBy, actorName: res.submittedBy }]);
  });
});
