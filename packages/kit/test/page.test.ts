import { checkPageSize, connectionOf, decodeCursor, encodeCursor } from "../src/validation";

describe("#9 pages: one size check, opaque keyset cursors, one connection shape", () => {
  it("checks the page size in the words every service used", () => {
    expect(checkPageSize(undefined)).toBe(50);
    expect(checkPageSize(null)).toBe(50);
    expect(checkPageSize(200)).toBe(200);
    for (const bad of [0, 201, 1.5]) {
      expect(() => checkPageSize(bad)).toThrow(
        expect.objectContaining({
          code: "BAD_USER_INPUT",
          message: `first must be between 1 and 200; got ${bad}.`,
          details: { field: "first" },
        }),
      );
    }
    expect(() => checkPageSize(30, 20, 10, "last")).toThrow("last must be between 1 and 20; got 30.");
  });

  it("round-trips a cursor of its kind; any other is BAD_USER_INPUT naming the argument", () => {
    const cursor = encodeCursor("code", "150621000000");
    expect(cursor).not.toContain("150621");
    expect(decodeCursor("code", cursor, /^\d{12}$/)).toBe("150621000000");
    expect(decodeCursor("code", undefined, /^\d{12}$/)).toBeUndefined();
    expect(() => decodeCursor("id", cursor, /^\d{12}$/)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "after" } }),
    );
    expect(() => decodeCursor("code", encodeCursor("code", "x"), /^\d{12}$/, "before")).toThrow(
      "before is not a cursor this API returned; pass endCursor from a previous page.",
    );
  });

  it("turns a page into a connection: cursors from the sort key, endCursor the last one's", () => {
    const page = { items: [{ code: "a1" }, { code: "b2" }], hasNextPage: true, totalCount: 7 };
    const connection = connectionOf(page, "code", (u) => u.code);
    expect(connection).toEqual({
      edges: [
        { cursor: encodeCursor("code", "a1"), node: { code: "a1" } },
        { cursor: encodeCursor("code", "b2"), node: { code: "b2" } },
      ],
      pageInfo: { hasNextPage: true, endCursor: encodeCursor("code", "b2") },
      totalCount: 7,
    });
    const withPost = connectionOf(
      page,
      "code",
      (u) => u.code,
      (u, cursor) => ({ cursor, node: u, assignment: null }),
    );
    expect(withPost.edges[1]).toEqual({
      cursor: encodeCursor("code", "b2"),
      node: { code: "b2" },
      assignment: null,
    });
    expect(connectionOf({ items: [], hasNextPage: false, totalCount: 0 }, "code", String).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
  });
});
