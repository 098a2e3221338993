import { AssignmentActivated, AssignmentStarted, PrePostCertificateIssued } from "@grassroots/events";
import { randomUUID } from "node:crypto";
import { getIntrospectionQuery } from "graphql";
import {
  cityAdmin,
  GONGYE,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_2,
  startHarness,
  type Harness,
} from "./support/harness";
import { STATISTICIAN } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

const person = async (id: string) => (await h.call(STATISTICIAN, { id }, cityAdmin)).data!.statistician;
const activations = async (statisticianId: string) =>
  (
    await h.dataSource.query(`SELECT data FROM outbox WHERE type = $1 ORDER BY seq`, [
      AssignmentActivated.type,
    ])
  )
    .map((r: { data: { statisticianId: string } }) => r.data)
    .filter((d: { statisticianId: string }) => d.statisticianId === statisticianId);

describe("R7: no post becomes ACTIVE without a pre-post certificate", () => {
  let newcomer: string;

  it("R7: appointing a person without pre-post training leaves every post PENDING_TRAINING (and says so in the event)", async () => {
    newcomer = await h.register(SHULINZHAO);
    const first = await h.appoint(newcomer, SHULINZHAO, "PART_TIME", "CONTRACT");
    const second = await h.appoint(newcomer, SHULINZHAO_VILLAGE_2, "LIAISON", "PUBLIC_WELFARE_POST");
    expect([first.assignment.status, second.assignment.status]).toEqual([
      "PENDING_TRAINING",
      "PENDING_TRAINING",
    ]);
    expect([first.assignment.certificateId, second.assignment.certificateId]).toEqual([null, null]);
    const started = await h.dataSource.query(
      `SELECT data FROM outbox WHERE type = $1 ORDER BY seq DESC LIMIT 1`,
      [AssignmentStarted.type],
    );
    expect(started[0].data).toMatchObject({ statisticianId: newcomer, status: "PENDING_TRAINING" });
    expect((await person(newcomer)).prePostGate).toEqual({ certified: false, certificateId: null });
  });

  it("R7: training's PrePostCertificateIssued, arriving on Kafka, makes every pending post of the person ACTIVE", async () => {
    const certificateId = await h.certify(newcomer, "2026-03-10");
    const posts = (await person(newcomer)).assignments;
    expect(posts.map((a: { status: string }) => a.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(posts.every((a: { certificateId: string }) => a.certificateId === certificateId)).toBe(true);
    expect((await person(newcomer)).prePostGate).toEqual({ certified: true, certificateId });
    const events = await activations(newcomer);
    expect(events).toHaveLength(2);
    expect(
      events.every(
        (e: { status: string; certificateId: string }) =>
          e.status === "ACTIVE" && e.certificateId === certificateId,
      ),
    ).toBe(true);
  });

  it("R7: the same event delivered again (same ce_id) changes nothing", async () => {
    const other = await h.register(GONGYE);
    await h.appoint(other, GONGYE, "FULL_TIME");
    const eventId = randomUUID();
    await h.certify(other, "2026-04-01", eventId);
    // The redelivery carries another certificate id, so applying it would leave a visible row.
    await h.publish(
      PrePostCertificateIssued,
      {
        certificateId: randomUUID(),
        certificateNumber: "PP-DUP",
        statisticianId: other,
        sessionId: randomUUID(),
        organizerUnitId: randomUUID(),
        kind: "PRE_POST",
        completedOn: "2026-04-01",
      },
      other,
      eventId,
    );
    // One partition per test topic: a later event handled means the duplicate was seen before it.
    await h.certify(await h.register(GONGYE));
    expect(
      (
        await h.dataSource.query(
          `SELECT count(*)::int AS n FROM pre_post_certificate WHERE certificate_number = 'PP-DUP'`,
        )
      )[0].n,
    ).toBe(0);
    expect(
      (await h.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [eventId]))[0].n,
    ).toBe(1);
    expect(await activations(other)).toHaveLength(1);
  });

  it("R7: a second certificate for an already certified person activates nothing more", async () => {
    const before = (await activations(newcomer)).length;
    await h.certify(newcomer, "2026-05-01");
    expect((await activations(newcomer)).length).toBe(before);
  });

  it("R7: a person who holds a certificate starts later posts ACTIVE at once", async () => {
    const change = await h.appoint(newcomer, GONGYE, "PART_TIME", "CONTRACT");
    expect(change.assignment.status).toBe("ACTIVE");
    expect(change.assignment.certificateId).not.toBeNull();
  });

  it("R7: a person's posts and certificate are read in one statement, so a response never shows an ACTIVE post beside 'not certified'", async () => {
    h.queries.queries = [];
    const res = await h.call(
      `query ($id: ID!) { statistician(id: $id) { assignments { status certificateId } prePostGate { certified certificateId } } }`,
      { id: newcomer },
      cityAdmin,
    );
    const { assignments, prePostGate } = res.data!.statistician;
    expect(
      assignments.every((a: { certificateId: string }) => a.certificateId === prePostGate.certificateId),
    ).toBe(true);
    const reads = h.queries.queries.filter((q) => q.includes("pre_post_certificate"));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain("FROM post_assignment a");
  });

  it("R7: nothing else can make a post ACTIVE: no input takes a status, and the database refuses ACTIVE without a certificate", async () => {
    const schema = (await h.call(getIntrospectionQuery(), {}, cityAdmin)).data!.__schema;
    const inputs = schema.types.filter((t: { kind: string }) => t.kind === "INPUT_OBJECT");
    for (const input of inputs) {
      expect(input.inputFields.map((f: { name: string }) => f.name)).not.toContain("status");
    }
    const stranger = await h.register(SHULINZHAO);
    const change = await h.appoint(stranger, SHULINZHAO, "PART_TIME", "CONTRACT");
    await expect(
      h.dataSource.query(`UPDATE post_assignment SET status = 'ACTIVE' WHERE id = $1`, [
        change.assignment.id,
      ]),
    ).rejects.toThrow(/post_assignment_active_needs_certificate/);
  });
});
