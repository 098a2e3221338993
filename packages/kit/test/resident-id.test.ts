import { parseResidentId, residentIdCheckCharacter } from "../src/validation";

const TODAY = "2026-06-30";
const withCheck = (first17: string) => `${first17}${residentIdCheckCharacter(first17)}`;

describe("GB 11643 resident ID numbers (#9: the one implementation)", () => {
  it("computes the check character (ISO 7064 MOD 11-2), X included", () => {
    expect(residentIdCheckCharacter("11010519491231002")).toBe("X");
    expect(residentIdCheckCharacter("44052418800101001")).toBe("4");
    expect(residentIdCheckCharacter("15062119900101001")).toMatch(/^[0-9X]$/);
  });

  it("parses a valid number: upper-cased, birth date and gender from the 17th digit", () => {
    expect(parseResidentId(" 11010519491231002x ", TODAY)).toEqual({
      number: "11010519491231002X",
      birthDate: "1949-12-31",
      gender: "FEMALE",
    });
    expect(parseResidentId(withCheck("15062119900101001"), TODAY).gender).toBe("MALE");
  });

  it.each([
    ["1101051949123100", "has 18 characters"],
    [withCheck("01010519491231002"), "starts with a region code"],
    [withCheck("15062118990101001"), "not a valid birth date"],
    [withCheck("15062119900230001"), "not a valid birth date"],
    [withCheck("15062120270101001"), "in the future"],
    ["110105194912310021", "check character (the 18th) does not match"],
  ])("refuses %s as BAD_USER_INPUT naming the field, never the number", (input, words) => {
    let error: unknown;
    try {
      parseResidentId(input, TODAY, "residentIdNumber");
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", details: { field: "residentIdNumber" } });
    expect((error as Error).message).toContain(words);
    expect((error as Error).message).not.toContain(input.trim());
  });
});
