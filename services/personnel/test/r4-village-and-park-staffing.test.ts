import { randomUUID } from "node:crypto";
import {
  cityAdmin,
  DALATE_PARK,
  idOf,
  JIGESITAI_VILLAGE,
  SHULINZHAO,
  SHULINZHAO_COMMUNITY,
  SHULINZHAO_VILLAGE_1,
  startHarness,
  ZHANDANZHAO_GACHA,
  type Harness,
} from "./support/harness";
import { APPOINT, STAFFING } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

const staffing = async (code: string) =>
  (await h.call(STAFFING, { id: idOf(code) }, cityAdmin)).data!.staffing;

/** A person with a pre-post certificate, so their posts start ACTIVE. */
async function trainedPerson(unit: string): Promise<string> {
  const id = await h.register(unit);
  await h.certify(id);
  return id;
}

const appoint = async (person: string, unit: string, role: string) =>
  h.call(
    APPOINT,
    {
      input: {
        requestId: randomUUID(),
        statisticianId: person,
        orgUnitId: idOf(unit),
        role,
        establishment: "CONTRACT",
        startDate: "2026-02-01",
      },
    },
    cityAdmin,
  );

describe("R4: villages, gachas, communities and parks", () => {
  it("R4: a village without a liaison is not compliant; the reason says to appoint a LIAISON", async () => {
    const result = await staffing(SHULINZHAO_VILLAGE_1);
    expect(result.compliant).toBe(false);
    expect(result.requirements).toEqual([
      expect.objectContaining({
        rule: "R4",
        code: "R4_VILLAGE_LIAISON",
        applies: true,
        met: false,
        required: 1,
        actual: 0,
      }),
    ]);
    expect(result.requirements[0].reason).toContain("appoint a statistics liaison (LIAISON)");
  });

  it("R4: an ACTIVE liaison makes a village compliant", async () => {
    const res = await appoint(await trainedPerson(SHULINZHAO_VILLAGE_1), SHULINZHAO_VILLAGE_1, "LIAISON");
    expect(res.errors).toBeUndefined();
    expect(await staffing(SHULINZHAO_VILLAGE_1)).toMatchObject({ compliant: true, gaps: [] });
  });

  it("R4: a gacha needs a liaison too", async () => {
    expect((await staffing(ZHANDANZHAO_GACHA)).gaps).toEqual([{ code: "R4_VILLAGE_LIAISON" }]);
    await appoint(await trainedPerson(ZHANDANZHAO_GACHA), ZHANDANZHAO_GACHA, "LIAISON");
    expect((await staffing(ZHANDANZHAO_GACHA)).compliant).toBe(true);
  });

  it("R4: a community needs one ACTIVE statistician of any role", async () => {
    expect((await staffing(SHULINZHAO_COMMUNITY)).gaps).toEqual([{ code: "R4_PARK_COMMUNITY_STATISTICIAN" }]);
    await appoint(await trainedPerson(SHULINZHAO_COMMUNITY), SHULINZHAO_COMMUNITY, "PART_TIME");
    expect((await staffing(SHULINZHAO_COMMUNITY)).compliant).toBe(true);
  });

  it("R4: a park needs one ACTIVE statistician; one waiting for pre-post training does not count", async () => {
    await appoint(await h.register(DALATE_PARK), DALATE_PARK, "FULL_TIME");
    const pending = await staffing(DALATE_PARK);
    expect(pending).toMatchObject({ compliant: false, counts: { active: 0, pending: 1 } });
    expect(pending.requirements[0].reason).toContain("waits for pre-post training (R7)");
    await appoint(await trainedPerson(DALATE_PARK), DALATE_PARK, "PART_TIME");
    expect((await staffing(DALATE_PARK)).compliant).toBe(true);
  });

  it("R4: a LIAISON belongs to a village or gacha: refused at a township, with nothing written", async () => {
    const person = await h.register(SHULINZHAO);
    const message = await h.expectRefused("BAD_USER_INPUT", () => appoint(person, SHULINZHAO, "LIAISON"));
    expect(message).toContain("A LIAISON (统计联络员) belongs to a village or gacha");
    expect(message).toContain("FULL_TIME or PART_TIME");
  });

  it("R4: a village holds liaisons only: a FULL_TIME post is refused", async () => {
    const person = await h.register(JIGESITAI_VILLAGE);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      appoint(person, JIGESITAI_VILLAGE, "FULL_TIME"),
    );
    expect(message).toContain("takes LIAISON, not FULL_TIME");
  });

  it("R4: posts are not held at banner or city level", async () => {
    const person = await h.register(SHULINZHAO);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      appoint(person, "150621000000", "FULL_TIME"),
    );
    expect(message).toContain("township level, in parks and at village level");
    expect(await staffing("150621000000")).toBeNull();
  });
});
