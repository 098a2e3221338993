import {
  Access,
  actorName,
  decodeIdentity,
  encodeIdentity,
  maskIdNumber,
  maskPhone,
  orgUnitIdForCode,
  type Identity,
} from "../src";

const clerk: Identity = { userId: "u1", roles: ["UNIT_CLERK"], orgUnitId: "t1" };

describe("identity and access", () => {
  it("round-trips the forwarded identity and refuses a forged or malformed one as UNAUTHENTICATED", () => {
    expect(decodeIdentity(encodeIdentity(clerk))).toEqual(clerk);
    expect(() => decodeIdentity("not-base64-json")).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
    const badRole = Buffer.from(JSON.stringify({ ...clerk, roles: ["SUPERUSER"] })).toString("base64url");
    expect(() => decodeIdentity(badRole)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });

  it("#10.7: the display name travels with the identity; the actor recorded is the name, else the subject", () => {
    const named = { ...clerk, name: "王丽" };
    expect(decodeIdentity(encodeIdentity(named))).toEqual(named);
    expect(actorName(named)).toBe("王丽");
    expect(actorName(clerk)).toBe("u1");
    const tooLong = Buffer.from(JSON.stringify({ ...clerk, name: "名".repeat(101) })).toString("base64url");
    expect(() => decodeIdentity(tooLong)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });

  it("covers the home unit's subtree only", () => {
    const access = new Access(clerk, "city/banner/t1/");
    expect(access.covers("city/banner/t1/")).toBe(true);
    expect(access.covers("city/banner/t1/v1/")).toBe(true);
    expect(access.covers("city/banner/t2/")).toBe(false);
    expect(access.covers("city/banner/")).toBe(false);
    // #10.3: outside the area reads like a target that does not exist (NOT_FOUND), never FORBIDDEN.
    expect(() => access.requireInArea("city/banner/t2/", "Org unit", "t2", "id")).toThrow(
      expect.objectContaining({
        code: "NOT_FOUND",
        message: "Org unit t2 does not exist in your area.",
        details: { what: "Org unit", key: "t2", field: "id" },
      }),
    );
    expect(() => access.requireInArea(undefined, "Org unit", "t9")).toThrow(
      "Org unit t9 does not exist in your area.",
    );
    expect(() => access.requireInArea("city/banner/t1/", "Org unit", "t1")).not.toThrow();
  });

  it("an unknown home unit covers nothing (deny by default)", () => {
    const access = new Access(clerk, undefined);
    expect(access.covers("anything/")).toBe(false);
    expect(access.scopePrefix).not.toBe("");
  });

  it("requires one of the named roles", () => {
    const access = new Access(clerk, "x/");
    expect(() => access.requireRole("create units", "CITY_ADMIN", "BANNER_ADMIN")).toThrow(
      expect.objectContaining({
        code: "FORBIDDEN",
        message: expect.stringContaining("CITY_ADMIN or BANNER_ADMIN"),
      }),
    );
    expect(() => access.requireRole("set counts", "UNIT_CLERK")).not.toThrow();
  });

  it("masks ID numbers and phones, keeping only region and last digits", () => {
    expect(maskIdNumber("150602199001011234")).toBe("150602********1234");
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("derives the same org unit id from the same division code, a different one from another", () => {
    const id = orgUnitIdForCode("150600000000");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(orgUnitIdForCode("150600000000")).toBe(id);
    expect(orgUnitIdForCode("150621000000")).not.toBe(id);
  });
});
