import { checkDate } from "../src/validation/value-checks";

describe("checkDate", () => {
  it("#14 (found by the fuzzing): a calendar day passes; impossible days and the year 0 (which PostgreSQL has not) are BAD_USER_INPUT naming the field", () => {
    expect(checkDate("2026-02-28", "asOf")).toBe("2026-02-28");
    expect(checkDate("0001-01-01", "asOf")).toBe("0001-01-01");
    for (const bad of ["0000-01-01", "2026-02-30", "2026-13-01", "２０２６-01-01", "2026-1-1", ""])
      expect(() => checkDate(bad, "asOf")).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "asOf" } }),
      );
  });
});
