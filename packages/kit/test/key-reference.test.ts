import { keyOnlyReference, type Identity } from "../src";

const clerk: Identity = { userId: "u1", roles: ["UNIT_CLERK"], orgUnitId: "t1" };
const id = "7d9f2c4e-1a3b-4c5d-8e6f-0a1b2c3d4e5f";

describe("keyOnlyReference: an entity another subgraph owns resolves to its key", () => {
  it("a well-formed key resolves to itself, with no lookup, whatever the caller's area", () => {
    expect(keyOnlyReference.__resolveReference({ id }, { identity: clerk })).toEqual({ id });
  });

  it("a malformed key is no entity", () => {
    expect(keyOnlyReference.__resolveReference({ id: "not-a-uuid" }, { identity: clerk })).toBeNull();
  });

  it("callers only: without an identity it is UNAUTHENTICATED", () => {
    expect(() => keyOnlyReference.__resolveReference({ id }, {})).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
  });
});
