import { AssessmentResultsPublished } from "@grassroots/events";
import { SqlSeedReads } from "../src/db/repositories/seed.reads";
import { seedFinance } from "../src/domain/seed/seed";
import { AWARD_YEAR, seedAwards } from "../src/domain/seed/seed-awards";
import { PROGRAMME_YEARS } from "../src/domain/seed/sample-data";
import { cityAdmin, CITY, idOf, ordosStates, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  await seedFinance(h.services, new SqlSeedReads(h.dataSource));
});
afterAll(() => h.stop());

const banners = () => ordosStates().filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT");
const cities = () => new SqlSeedReads(h.dataSource).cities();

/** The city's assessment of the banners as evaluation publishes it (scores 95, 90, … 55). */
async function publishCityResults(year: number) {
  const eventId = await h.publish(AssessmentResultsPublished, {
    resultSetId: "7c1e2f30-0000-4000-8000-000000002024",
    schemeId: "5b0a4d6e-0000-4000-8000-000000000001",
    schemeVersion: 1,
    schemeName: `示例：${year}年度旗区统计基层基础工作考核`,
    ownerUnitId: idOf(CITY),
    ownerUnitPath: ordosStates()[0].path,
    subjectKind: "BANNER",
    year,
    revision: 1,
    supersedes: null,
    reason: null,
    publishedAt: new Date().toISOString(),
    results: banners().map((b, i) => ({
      unitId: b.id,
      unitPath: b.path,
      unitName: b.name,
      score: `${95 - 5 * i}.00`,
      rank: i + 1,
      grade: null,
    })),
  });
  await h.handled(eventId);
}

const PROGRAMMES = `{ awardProgrammes { rounds { fiscalYear status computedBy approvedBy remainder
  allocations { unitCode amount paid } audit { steps { step actorId } checks { name passed } } } } }`;

describe("seed-awards", () => {
  it("R9: waits while the city's results of the programme's last year have not arrived (no round opened)", async () => {
    expect(AWARD_YEAR).toBe(PROGRAMME_YEARS.last);
    const before = await h.fingerprint();
    expect(await seedAwards(h.services, await cities())).toEqual({
      year: AWARD_YEAR,
      rounds: [{ cityUnitId: idOf(CITY), status: "WAITING" }],
      payments: 0,
    });
    expect(await h.fingerprint()).toBe(before);
  });

  it("R9: once they arrive, the round is computed under the sample rule, approved by a second actor and paid to every banner but one; again: nothing", async () => {
    await publishCityResults(AWARD_YEAR);
    const first = await seedAwards(h.services, await cities());
    expect(first).toEqual({
      year: AWARD_YEAR,
      rounds: [{ cityUnitId: idOf(CITY), status: "APPROVED" }],
      payments: banners().length - 1,
    });
    const [programme] = (await h.call(PROGRAMMES, {}, cityAdmin)).data!.awardProgrammes;
    const [round] = programme.rounds;
    expect(round).toMatchObject({
      fiscalYear: AWARD_YEAR,
      status: "APPROVED",
      computedBy: "seed",
      approvedBy: "seed-approver",
    });
    const fen = (yuan: string) => BigInt(yuan.replace(".", ""));
    const allocations = round.allocations as { unitCode: string; amount: string; paid: string }[];
    const total = allocations.reduce((s, a) => s + fen(a.amount), 0n) + fen(round.remainder);
    expect(total).toBe(1_000_000_000n);
    // paid in full to each banner but the last by code, which is still to be paid
    const last = [...allocations].sort((a, b) => a.unitCode.localeCompare(b.unitCode)).pop()!;
    for (const a of allocations) expect(a.paid).toBe(a === last ? "0.00" : a.amount);
    const steps = round.audit.steps.map((s: { step: string }) => s.step);
    expect(steps.slice(0, 3)).toEqual(["OPENED", "COMPUTED", "APPROVED"]);
    expect(steps.filter((s: string) => s === "PAID")).toHaveLength(banners().length - 1);
    // the audit names the one gap: a banner not yet paid; the payments made were on schedule
    expect(round.audit.checks.filter((c: { passed: boolean }) => !c.passed)).toEqual([
      { name: "PAID_IN_FULL", passed: false },
    ]);

    const before = await h.fingerprint();
    expect(await seedAwards(h.services, await cities())).toEqual({ ...first, payments: 0 });
    expect(await h.fingerprint()).toBe(before);
  });
});
