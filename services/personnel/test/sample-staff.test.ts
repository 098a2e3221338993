import { samplePhone } from "../src/domain/seed/sample-staff";
import { checkPhone } from "../src/domain/values";

describe("seed: sample staff numbers at province and national scale", () => {
  it("gives valid, distinct 11-digit mobile numbers past the 10,000th person (up to 1,000,000)", () => {
    const indexes = [0, 1, 9_999, 10_000, 999_999, 1_000_000];
    const phones = indexes.map(samplePhone);
    for (const phone of phones) {
      expect(phone).toMatch(/^1\d{10}$/);
      expect(checkPhone(phone)).toBe(phone);
    }
    expect(new Set(phones).size).toBe(phones.length);
    // Below 10,000 the numbers are those earlier seeds wrote, so a re-run finds the same people.
    expect(samplePhone(42)).toBe("19900000042");
  });
});
