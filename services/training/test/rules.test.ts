import {
  bannerCoverage,
  cityObligationMet,
  inForceOn,
  share,
  yearWindow,
} from "../src/rules/r6-yearly-training";
import {
  certificateNumber,
  minimumHours,
  qualifiesForCertificate,
  refuseCertificate,
} from "../src/rules/r7-pre-post-training";
import { checkResult } from "../src/domain/results";

const prePost = { kind: "PRE_POST" as const, hours: 16, status: "COMPLETED" as const };

describe("R7 rule module", () => {
  it.each([
    [16, 80, 12.8],
    [15, 80, 12],
    [7, 85, 6],
    [16, 100, 16],
    [3, 1, 0.1],
  ])(
    "R7: the least attendance that passes %i h at %i%% is %d h (rounded up to a tenth)",
    (hours, percent, least) => {
      expect(minimumHours(hours, { minAttendancePercent: percent })).toBe(least);
    },
  );

  it("R7: only PASSED on a PRE_POST session with enough hours qualifies; the share is configurable", () => {
    const rule = { minAttendancePercent: 80 };
    expect(qualifiesForCertificate(prePost, { result: "PASSED", hoursAttended: 12.8 }, rule)).toBe(true);
    expect(qualifiesForCertificate(prePost, { result: "PASSED", hoursAttended: 12.7 }, rule)).toBe(false);
    expect(
      qualifiesForCertificate(prePost, { result: "PASSED", hoursAttended: 8 }, { minAttendancePercent: 50 }),
    ).toBe(true);
    expect(qualifiesForCertificate(prePost, { result: "FAILED", hoursAttended: 16 }, rule)).toBe(false);
    expect(
      qualifiesForCertificate(
        { ...prePost, kind: "SPECIALIZED" },
        { result: "PASSED", hoursAttended: 16 },
        rule,
      ),
    ).toBe(false);
  });

  it("R7: says why there is no certificate", () => {
    const rule = { minAttendancePercent: 80 };
    const enrolled = { status: "ENROLLED" as const };
    expect(refuseCertificate(prePost, { ...enrolled, result: "ABSENT", hoursAttended: 0 }, rule)).toContain(
      "ABSENT result earns no",
    );
    expect(refuseCertificate(prePost, { ...enrolled, result: null, hoursAttended: null }, rule)).toContain(
      "No result",
    );
    expect(
      refuseCertificate(
        { ...prePost, kind: "COMPREHENSIVE" },
        { ...enrolled, result: "PASSED", hoursAttended: 16 },
        rule,
      ),
    ).toContain("PRE_POST sessions only");
    expect(
      refuseCertificate(prePost, { ...enrolled, result: "PASSED", hoursAttended: 16 }, rule),
    ).toBeUndefined();
  });

  it("R7: certificate numbers are <organizer code>-<year>-<4-digit sequence>", () => {
    expect(certificateNumber("150621000000", 2026, 7)).toBe("150621000000-2026-0007");
    expect(certificateNumber("150600000000", 2026, 12345)).toBe("150600000000-2026-12345");
  });

  it("results: PASSED below the share on a PRE_POST session is refused, elsewhere allowed; hours kept to a tenth", () => {
    const rule = { minAttendancePercent: 80 };
    expect(() => checkResult(prePost, { hoursAttended: 10, result: "PASSED" }, rule)).toThrow(/at least 80%/);
    expect(
      checkResult({ ...prePost, kind: "SPECIALIZED" }, { hoursAttended: 10, result: "PASSED" }, rule),
    ).toEqual({ hoursAttended: 10, result: "PASSED", score: null });
    expect(checkResult(prePost, { hoursAttended: 0.1 + 0.2, result: "FAILED", score: 59.5 }, rule)).toEqual({
      hoursAttended: 0.3,
      result: "FAILED",
      score: 59.5,
    });
  });
});

describe("R6 rule module", () => {
  it("R6: staff are counted on 31 December, today in the current year, 1 January for a future year", () => {
    expect(yearWindow(2025, "2026-06-30").asOf).toBe("2025-12-31");
    expect(yearWindow(2026, "2026-06-30").asOf).toBe("2026-06-30");
    expect(yearWindow(2027, "2026-06-30").asOf).toBe("2027-01-01");
  });

  it("R6: the obligation needs one completed session; shares to 4 decimals, null without staff; every banner asked appears", () => {
    expect(cityObligationMet(0)).toBe(false);
    expect(cityObligationMet(1)).toBe(true);
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 0)).toBeNull();
    expect(
      bannerCoverage(["a", "b"], [{ bannerId: "b", staff: 4, attended: 1, ownSessionsCompleted: 2 }]),
    ).toEqual([
      { bannerId: "a", staff: 0, attended: 0, ownSessionsCompleted: 0, rate: null },
      { bannerId: "b", staff: 4, attended: 1, ownSessionsCompleted: 2, rate: 0.25 },
    ]);
  });
});

describe("R6 rule module: who is staff", () => {
  it("R6 #9: a post is staff on the as-of date when started by then and not ended before, whatever its status; ENDED without an end date never", () => {
    const post = (
      startDate: string,
      endDate: string | null,
      status: "ACTIVE" | "PENDING_TRAINING" | "ENDED",
    ) => ({
      startDate,
      endDate,
      status,
    });
    expect(inForceOn(post("2026-01-01", null, "PENDING_TRAINING"), "2026-06-30")).toBe(true);
    expect(inForceOn(post("2026-01-01", "2026-06-30", "ENDED"), "2026-06-30")).toBe(true);
    expect(inForceOn(post("2026-01-01", "2026-06-29", "ENDED"), "2026-06-30")).toBe(false);
    expect(inForceOn(post("2026-07-01", null, "ACTIVE"), "2026-06-30")).toBe(false);
    expect(inForceOn(post("2026-01-01", null, "ENDED"), "2026-06-30")).toBe(false);
  });
});
