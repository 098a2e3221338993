import { unitState } from "@grassroots/testing";
import { SqlSeedReads } from "../src/db/repositories/seed.reads";
import { seedFinance } from "../src/domain/seed/seed";
import { leftDraft } from "../src/domain/seed/seed-claims";
import {
  CITY,
  cityAdmin,
  idOf,
  ordosStates,
  SHULINZHAO,
  startHarness,
  type Harness,
} from "./support/harness";
import { EXECUTION } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  const town = ordosStates().find((u) => u.code === SHULINZHAO)!;
  await h.publishUnits([
    unitState(town, "150621100201", "样例村一", "VILLAGE"),
    unitState(town, "150621100202", "样例村二", "VILLAGE"),
  ]);
  await h.appoint([
    { unitCode: "150621100201", startDate: "2025-03-01" },
    { unitCode: "150621100202", startDate: "2026-01-01" },
  ]);
});
afterAll(() => h.stop());

describe("seed", () => {
  it("R8/R9/R10: the seed creates the programme (sample rule), work-funds lines with late and short instalments, standards, tasks and claims; a second run adds nothing", async () => {
    const reads = new SqlSeedReads(h.dataSource);
    const first = await seedFinance(h.services, reads);
    const banners = ordosStates().filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT").length;
    expect(first).toEqual({
      programmes: 1,
      lines: 3 + banners,
      disbursements: expect.any(Number),
      standards: banners,
      tasks: 4,
      claims: 2,
      claimsPaid: expect.any(Number),
    });
    const [programme] = await h.rows(
      `SELECT is_sample, first_year, last_year, annual_amount_fen::text AS fen FROM award_programme`,
    );
    expect(programme).toEqual({ is_sample: true, first_year: 2022, last_year: 2024, fen: "1000000000" });

    const rows = (await h.call(EXECUTION, { year: 2026 }, cityAdmin)).data!.budgetExecution as {
      unitId: string;
      items: { status: string }[];
    }[];
    const statuses = new Set(rows.flatMap((r) => r.items.map((i) => i.status)));
    expect(statuses).toEqual(new Set(["PAID_LATE", "SHORT"]));
    expect(rows.find((r) => r.unitId === idOf(CITY))).toBeDefined();

    // R10: each claim paid in its banner's batch, or left DRAFT, by its statistician (stable)
    const claims = await h.rows<{ statistician_id: string; status: string; batch: boolean }>(
      `SELECT statistician_id::text, status, batch_id IS NOT NULL AS batch FROM subsidy_claim`,
    );
    expect(claims.map((c) => c.status)).toEqual(
      claims.map((c) => (leftDraft(c.statistician_id) ? "DRAFT" : "PAID")),
    );
    expect(first.claimsPaid).toBe(claims.filter((c) => c.status === "PAID").length);
    const [batches] = await h.rows<{ n: number; claims: number }>(
      `SELECT count(*)::int AS n, coalesce(sum(claim_count), 0)::int AS claims FROM payment_batch`,
    );
    expect(batches).toEqual({ n: first.claimsPaid > 0 ? 1 : 0, claims: first.claimsPaid });

    const before = await h.fingerprint();
    const second = await seedFinance(h.services, reads);
    expect(second).toEqual({
      programmes: 0,
      lines: 0,
      disbursements: 0,
      standards: 0,
      tasks: 0,
      claims: 0,
      claimsPaid: 0,
    });
    expect(await h.fingerprint()).toBe(before);
  });
});
