import { DEFAULT_THRESHOLDS, NO_STAFF, type StaffCounts } from "../src/rules/staffing-requirement";
import { evaluateStaffing } from "../src/domain/staffing";
import { parseResidentId, residentIdCheckCharacter as checkCharacter } from "@grassroots/kit/validation";
import { TRANSITIONS, routeFor, transitionFor, isOverdue } from "../src/rules/r5-level-by-level-filing";
import { settingsOf, configSchema } from "../src/config";

// Pure rule checks (no database): the thresholds really are configuration, the ID algorithm, the R5 machine.

const counts = (c: Partial<StaffCounts>): StaffCounts => ({ ...NO_STAFF, ...c });
const township = (registerCount: number | null) => ({ id: "u", kind: "TOWN" as const, registerCount });

describe("R3 and R4 as functions of the configured thresholds", () => {
  it("R3: thresholds come from configuration: with STAFFING_LARGE_REGISTER_THRESHOLD=1000, a register of 1,200 needs two", () => {
    const env = {
      DATABASE_URL: "postgres://x@y/z",
      KAFKA_BROKERS: "k:1",
      INTERNAL_SECRET: "0123456789abcdef",
    };
    const defaults = settingsOf(configSchema.parse(env));
    const lowered = settingsOf(
      configSchema.parse({ ...env, STAFFING_LARGE_REGISTER_THRESHOLD: "1000", FILING_DUE_DAYS: "10" }),
    );
    expect(defaults.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(defaults.filingDueDays).toBe(30);
    expect(lowered.filingDueDays).toBe(10);
    const staff = counts({ active: 1, activeFullTimeInEstablishment: 1 });
    expect(evaluateStaffing(township(1200), staff, defaults.thresholds)!.compliant).toBe(true);
    const strict = evaluateStaffing(township(1200), staff, lowered.thresholds)!;
    expect(strict.compliant).toBe(false);
    expect(strict.gaps[0]).toMatchObject({ code: "R3_LARGE_REGISTER_STATISTICIANS", required: 2, actual: 1 });
    expect(strict.gaps[0].reason).toContain("1,200 units (1,000 or more)");
  });

  it("R3: a bad threshold stops the process with every problem listed", () => {
    const result = configSchema.safeParse({
      DATABASE_URL: "postgres://x@y/z",
      KAFKA_BROKERS: "k:1",
      INTERNAL_SECRET: "0123456789abcdef",
      STAFFING_LARGE_REGISTER_THRESHOLD: "0",
      FILING_DUE_DAYS: "soon",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual([
      "FILING_DUE_DAYS",
      "STAFFING_LARGE_REGISTER_THRESHOLD",
    ]);
  });

  it("R3: at 1,499 the second statistician is not required; at 1,500 it is; no count recorded: not yet", () => {
    const one = counts({ active: 1, activeFullTimeInEstablishment: 1 });
    const [, below] = evaluateStaffing(township(1499), one, DEFAULT_THRESHOLDS)!.requirements;
    expect(below).toMatchObject({ applies: false, met: true });
    expect(below.reason).toContain("1,499 units, below 1,500");
    const [, at] = evaluateStaffing(township(1500), one, DEFAULT_THRESHOLDS)!.requirements;
    expect(at).toMatchObject({ applies: true, met: false, required: 2, actual: 1 });
    expect(at.reason).toContain("appoint 1 more");
    expect(evaluateStaffing(township(null), one, DEFAULT_THRESHOLDS)!.requirements[1].reason).toContain(
      "no register count",
    );
  });

  it("R3: a full-timer waiting for pre-post training does not count, and the reason says so", () => {
    const result = evaluateStaffing(
      township(100),
      counts({ pending: 1, pendingFullTimeInEstablishment: 1 }),
      DEFAULT_THRESHOLDS,
    )!;
    expect(result.compliant).toBe(false);
    expect(result.gaps[0].reason).toMatch(/waits for pre-post training \(R7\)/);
  });

  it("R4: villages count liaisons only; parks and communities any active statistician; cities and banners have no rule", () => {
    const partTimer = counts({ active: 1 });
    expect(
      evaluateStaffing({ id: "v", kind: "VILLAGE", registerCount: null }, partTimer, DEFAULT_THRESHOLDS)!
        .compliant,
    ).toBe(false);
    expect(
      evaluateStaffing(
        { id: "g", kind: "GACHA", registerCount: null },
        counts({ active: 1, activeLiaisons: 1 }),
        DEFAULT_THRESHOLDS,
      )!.compliant,
    ).toBe(true);
    expect(
      evaluateStaffing({ id: "c", kind: "COMMUNITY", registerCount: null }, partTimer, DEFAULT_THRESHOLDS)!
        .compliant,
    ).toBe(true);
    expect(
      evaluateStaffing({ id: "p", kind: "PARK", registerCount: null }, NO_STAFF, DEFAULT_THRESHOLDS)!.gaps[0]
        .code,
    ).toBe("R4_PARK_COMMUNITY_STATISTICIAN");
    expect(
      evaluateStaffing({ id: "b", kind: "BANNER", registerCount: null }, partTimer, DEFAULT_THRESHOLDS),
    ).toBeNull();
  });
});

describe("resident ID numbers (GB 11643)", () => {
  it("computes the check character with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11 → 10X98765432", () => {
    // The standard's own example: 11010519491231002X.
    expect(checkCharacter("11010519491231002")).toBe("X");
    expect(parseResidentId("11010519491231002x", "2026-01-01")).toEqual({
      number: "11010519491231002X",
      birthDate: "1949-12-31",
      gender: "FEMALE",
    });
  });
});

describe("R5 state machine", () => {
  it("R5: village-level changes route through the township, others go direct; FILED is final", () => {
    expect(routeFor("VILLAGE")).toBe("VIA_TOWNSHIP");
    expect(routeFor("COMMUNITY")).toBe("VIA_TOWNSHIP");
    expect(routeFor("TOWN")).toBe("DIRECT");
    expect(routeFor("PARK")).toBe("DIRECT");
    expect(transitionFor({ route: "VIA_TOWNSHIP", status: "SUBMITTED" }, "FORWARD").to).toBe("FORWARDED");
    expect(() => transitionFor({ route: "VIA_TOWNSHIP", status: "SUBMITTED" }, "FILE")).toThrow(
      /out of order/,
    );
    for (const route of ["VIA_TOWNSHIP", "DIRECT"] as const) {
      expect(TRANSITIONS[route].filter((t) => t.from === "FILED")).toEqual([]);
    }
  });

  it("R5: overdue means not filed by submission date + FILING_DUE_DAYS", () => {
    expect(isOverdue({ status: "SUBMITTED", submittedOn: "2026-01-01" }, 30, "2026-01-31")).toBe(false);
    expect(isOverdue({ status: "SUBMITTED", submittedOn: "2026-01-01" }, 30, "2026-02-01")).toBe(true);
    expect(isOverdue({ status: "RETURNED", submittedOn: "2026-01-01" }, 30, "2026-02-01")).toBe(true);
    expect(isOverdue({ status: "FILED", submittedOn: "2026-01-01" }, 30, "2027-01-01")).toBe(false);
  });
});
