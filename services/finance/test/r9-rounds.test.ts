import { AssessmentResultsPublished } from "@grassroots/events";
import { randomUUID } from "node:crypto";
import {
  as,
  CITY,
  cityAdmin,
  cityOfficer,
  DALATE,
  dalateAdmin,
  idOf,
  ordosStates,
  startHarness,
  type Harness,
  outboxTypes,
} from "./support/harness";
import { CREATE_LINE } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const secondAdmin = as("CITY_ADMIN", CITY, "city-admin-2", "李四");
const banners = () => ordosStates().filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT");

const PROGRAMME = `mutation($input: CreateAwardProgrammeInput!) { createAwardProgramme(input: $input) {
  id annualAmount ruleVersion isSample rule { kind remainder grades { name minScore amount maxCount } } } }`;
const OPEN = `mutation($input: OpenAllocationRoundInput!) { openAllocationRound(input: $input) { id status version } }`;
const ROUND_FIELDS = `id status version computation remainder ruleVersion resultSetId computedBy approvedBy flag
  allocations { unitId unitCode score grade amount paid }
  audit { steps { seq step actorId actorName note } checks { name passed detail } }`;
const COMPUTE = `mutation($input: AllocationRoundStepInput!) { computeAllocationRound(input: $input) { ${ROUND_FIELDS} } }`;
const APPROVE = `mutation($input: AllocationRoundStepInput!) { approveAllocationRound(input: $input) { ${ROUND_FIELDS} } }`;
const CLOSE = `mutation($input: AllocationRoundStepInput!) { closeAllocationRound(input: $input) { status } }`;
const PAY = `mutation($input: RecordAwardPaymentInput!) { recordAwardPayment(input: $input) { id lineId amount amountInCapitals } }`;
const ROUND = `query($id: ID!) { allocationRound(id: $id) { ${ROUND_FIELDS} } }`;
const UNIT_AWARDS = `query($reps: [_Any!]!, $year: Int!) {
  _entities(representations: $reps) { ... on OrgUnit { id awardAllocations(year: $year) { roundId status score grade amount paid } } } }`;

const tiers = {
  kind: "TIERS",
  remainder: "KEEP",
  grades: [
    { name: "优秀", minScore: "90.00", amount: "1500000.00", maxCount: 2 },
    { name: "良好", minScore: "80.00", amount: "1000000.00" },
    { name: "合格", minScore: "0.00", amount: "600000.00" },
  ],
};

async function publishResults(scores: number[], revision: number, supersedes: string | null) {
  const resultSetId = randomUUID();
  const bs = banners();
  const eventId = await h.publish(AssessmentResultsPublished, {
    resultSetId,
    schemeId: "5b0a4d6e-0000-4000-8000-000000000001",
    schemeVersion: 1,
    schemeName: "旗区统计工作考核",
    ownerUnitId: idOf(CITY),
    ownerUnitPath: ordosStates()[0].path,
    subjectKind: "BANNER",
    year: 2026,
    revision,
    supersedes,
    reason: supersedes ? "复核更正" : null,
    publishedAt: new Date().toISOString(),
    results: bs.map((b, i) => ({
      unitId: b.id,
      unitPath: b.path,
      unitName: b.name,
      score: `${scores[i]}.00`,
      rank: i + 1,
      grade: null,
    })),
  });
  await h.handled(eventId);
  return resultSetId;
}

describe("R9: allocation rounds", () => {
  let programmeId: string;
  let lineId: string;
  let roundId: string;
  let version: number;

  it("R9: a rule that cannot be satisfied is refused when stored, nothing written", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        PROGRAMME,
        {
          input: {
            cityUnitId: idOf(CITY),
            name: "以奖代补",
            firstYear: 2024,
            lastYear: 2026,
            annualAmount: "10000000.00",
            rule: {
              kind: "TIERS",
              grades: [
                { name: "优秀", minScore: "90.00", share: "30.00" },
                { name: "合格", minScore: "0.00", amount: "0.00" },
              ],
            },
          },
        },
        cityAdmin,
      ),
    );
    expect(message).toContain("more than the annual amount 10000000.00");
    await h.expectRefused("FORBIDDEN", () =>
      h.call(
        PROGRAMME,
        {
          input: {
            cityUnitId: idOf(CITY),
            name: "x",
            firstYear: 2024,
            lastYear: 2026,
            annualAmount: "1.00",
            rule: tiers,
          },
        },
        dalateAdmin,
      ),
    );
  });

  it("R9: the city's programme with a versioned rule, and a DRAFT round paid from its award line", async () => {
    const res = await h.call(
      PROGRAMME,
      {
        input: {
          cityUnitId: idOf(CITY),
          name: "基层统计工作以奖代补",
          firstYear: 2024,
          lastYear: 2026,
          annualAmount: "10000000.00",
          rule: tiers,
          isSample: true,
        },
      },
      cityAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createAwardProgramme).toMatchObject({
      annualAmount: "10000000.00",
      ruleVersion: 1,
      isSample: true,
    });
    programmeId = res.data!.createAwardProgramme.id;
    const line = await h.call(
      CREATE_LINE,
      {
        input: {
          fiscalYear: 2026,
          ownerUnitId: idOf(CITY),
          purpose: "AWARD_PROGRAMME",
          classificationCode: "2010599",
          documentTitle: "以奖代补资金",
          documentNumber: "鄂财行〔2026〕5号",
          amount: "10000000.00",
          schedule: { kind: "ONCE", dueDate: "2026-12-31" },
        },
      },
      cityOfficer,
    );
    lineId = line.data!.createBudgetLine.id;
    const round = await h.call(OPEN, { input: { programmeId, fiscalYear: 2026, lineId } }, cityAdmin);
    expect(round.errors).toBeUndefined();
    expect(round.data!.openAllocationRound.status).toBe("DRAFT");
    roundId = round.data!.openAllocationRound.id;
    version = round.data!.openAllocationRound.version;
  });

  it("R9: computing before evaluation has published is refused, saying why", async () => {
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(COMPUTE, { input: { roundId, expectedVersion: version } }, cityAdmin),
      ),
    ).toContain("has not been published yet");
  });

  it("R9: COMPUTED from the published results: inputs stored, banners + remainder = the annual amount exactly", async () => {
    await publishResults([95, 92, 91, 85, 82, 70, 60, 88, 79], 1, null);
    const res = await h.call(COMPUTE, { input: { roundId, expectedVersion: version } }, cityAdmin);
    expect(res.errors).toBeUndefined();
    const round = res.data!.computeAllocationRound;
    expect(round).toMatchObject({
      status: "COMPUTED",
      computation: 1,
      ruleVersion: 1,
      computedBy: cityAdmin.userId,
    });
    const grades = round.allocations.map((a: { score: string; grade: string; amount: string }) => [
      a.score,
      a.grade,
      a.amount,
    ]);
    expect(grades).toContainEqual(["91.00", "良好", "1000000.00"]); // the quota of 优秀 is 2
    const total = round.allocations.reduce(
      (s: bigint, a: { amount: string }) => s + BigInt(a.amount.replace(".", "")),
      0n,
    );
    expect(total + BigInt(round.remainder.replace(".", ""))).toBe(1_000_000_000n);
    expect(round.audit.checks.find((c: { name: string }) => c.name === "ALLOCATED_IN_FULL").passed).toBe(
      true,
    );
    expect(await outboxTypes(h.dataSource)).toContain("grassroots.finance.allocation-round.computed.v1");
    version = round.version;
  });

  it("R9: approval by the user who computed the round is refused (two people)", async () => {
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        h.call(APPROVE, { input: { roundId, expectedVersion: version } }, cityAdmin),
      ),
    ).toContain("another CITY_ADMIN approves it");
  });

  it("R9: results corrected before approval: the round is recomputed and says so", async () => {
    await publishResults([95, 92, 91, 85, 82, 70, 60, 88, 93], 2, null);
    const round = (await h.call(ROUND, { id: roundId }, cityAdmin)).data!.allocationRound;
    expect(round.computation).toBe(2);
    const last = round.audit.steps[round.audit.steps.length - 1];
    expect(last).toMatchObject({ step: "RECOMPUTED", note: "recomputed: results corrected: revision 2" });
    expect(
      round.allocations
        .filter((a: { grade: string }) => a.grade === "优秀")
        .map((a: { score: string }) => a.score),
    ).toEqual(expect.arrayContaining(["95.00", "93.00"]));
    version = round.version;
  });

  it("R9: a stale version is a CONFLICT; another city admin approves, freezing the inputs", async () => {
    await h.expectRefused("CONFLICT", () =>
      h.call(APPROVE, { input: { roundId, expectedVersion: version - 1 } }, secondAdmin),
    );
    const res = await h.call(APPROVE, { input: { roundId, expectedVersion: version } }, secondAdmin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.approveAllocationRound).toMatchObject({
      status: "APPROVED",
      approvedBy: "city-admin-2",
    });
    version = res.data!.approveAllocationRound.version;
  });

  it("R9: recomputation after approval is refused, nothing written", async () => {
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(COMPUTE, { input: { roundId, expectedVersion: version } }, cityAdmin),
      ),
    ).toContain("a recomputation after approval is refused");
  });

  it("R9: corrected results after approval flag the round; its allocations do not change", async () => {
    await publishResults([50, 50, 50, 50, 50, 50, 50, 50, 50], 3, null);
    const round = (await h.call(ROUND, { id: roundId }, cityAdmin)).data!.allocationRound;
    expect(round).toMatchObject({ status: "APPROVED", computation: 2 });
    expect(round.flag).toContain("revision 3");
    expect(round.audit.steps.map((s: { step: string }) => s.step)).toEqual([
      "OPENED",
      "COMPUTED",
      "RECOMPUTED",
      "APPROVED",
      "FLAGGED",
    ]);
  });

  it("R9: each banner's allocation paid from the programme's line; never more than allocated; DISBURSED, then CLOSED; the audit passes", async () => {
    const round = (await h.call(ROUND, { id: roundId }, cityAdmin)).data!.allocationRound;
    const pay = (unitId: string, amount: string, who = cityOfficer) =>
      h.call(
        PAY,
        {
          input: {
            roundId,
            unitId,
            instalmentSeq: 1,
            amount,
            paidOn: "2026-06-01",
            voucherNumber: `奖-${unitId.slice(0, 4)}`,
            payer: "鄂尔多斯市财政局",
          },
        },
        who,
      );
    await h.expectRefused("FORBIDDEN", () => pay(round.allocations[0].unitId, "1.00", cityAdmin));
    const [first, ...rest] = round.allocations as { unitId: string; amount: string }[];
    const over = (BigInt(first.amount.replace(".", "")) + 1n).toString();
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        pay(first.unitId, `${over.slice(0, -2)}.${over.slice(-2)}`),
      ),
    ).toContain("pay at most");
    const paid = await pay(first.unitId, first.amount);
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.recordAwardPayment.lineId).toBe(lineId);
    for (const a of rest) expect((await pay(a.unitId, a.amount)).errors).toBeUndefined();
    const after = (await h.call(ROUND, { id: roundId }, cityAdmin)).data!.allocationRound;
    expect(after.status).toBe("DISBURSED");
    expect(after.allocations.every((a: { amount: string; paid: string }) => a.amount === a.paid)).toBe(true);
    expect(after.audit.checks.map((c: { name: string; passed: boolean }) => [c.name, c.passed])).toEqual([
      ["ALLOCATED_IN_FULL", true],
      ["PAID_IN_FULL", true],
      ["PAID_TO_ITS_BANNER", true],
      ["PAID_BY_SCHEDULE", true],
    ]);
    expect(await outboxTypes(h.dataSource)).toContain("grassroots.finance.allocation-round.disbursed.v1");
    const closed = await h.call(CLOSE, { input: { roundId, expectedVersion: after.version } }, secondAdmin);
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeAllocationRound.status).toBe("CLOSED");

    const unit = await h.call(
      UNIT_AWARDS,
      { reps: [{ __typename: "OrgUnit", id: idOf(DALATE) }], year: 2026 },
      dalateAdmin,
    );
    expect(unit.errors).toBeUndefined();
    expect(unit.data!._entities[0].awardAllocations).toEqual([
      expect.objectContaining({ roundId, status: "CLOSED", score: "91.00", grade: "良好" }),
    ]);
  });

  it("R9: programmes with their rounds, allocations and audits are a fixed number of statements whatever the number of rounds", async () => {
    const PROGRAMMES = `{ awardProgrammes { id isSample rule { kind grades { name } } rounds { id status allocations { unitId amount paid } audit { steps { step } checks { name passed } } } } }`;
    const count = async () => {
      h.queries.queries = [];
      const res = await h.call(PROGRAMMES, {}, cityAdmin);
      expect(res.errors).toBeUndefined();
      return { n: h.queries.queries.length, rounds: res.data!.awardProgrammes[0].rounds.length };
    };
    const one = await count();
    const line = await h.call(
      CREATE_LINE,
      {
        input: {
          fiscalYear: 2025,
          ownerUnitId: idOf(CITY),
          purpose: "AWARD_PROGRAMME",
          classificationCode: "2010599",
          documentTitle: "以奖代补资金",
          documentNumber: "鄂财行〔2025〕5号",
          amount: "10000000.00",
          schedule: { kind: "ONCE", dueDate: "2025-12-31" },
        },
      },
      cityOfficer,
    );
    const programmeId = (await h.call(`{ awardProgrammes { id } }`, {}, cityAdmin)).data!.awardProgrammes[0]
      .id;
    expect(
      (
        await h.call(
          OPEN,
          { input: { programmeId, fiscalYear: 2025, lineId: line.data!.createBudgetLine.id } },
          cityAdmin,
        )
      ).errors,
    ).toBeUndefined();
    const two = await count();
    expect([one.rounds, two.rounds]).toEqual([1, 2]);
    expect(two.n).toBe(one.n);
    // a banner reads no programme of the city (outside its area)
    expect((await h.call(`{ awardProgrammes { id } }`, {}, dalateAdmin)).data!.awardProgrammes).toEqual([]);
  });
});
