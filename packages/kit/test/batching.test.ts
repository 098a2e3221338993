import { perArgument, perRequest } from "../src";

describe("perArgument: one loader per argument of a field that takes arguments", () => {
  it("parents asking with the same argument share one loader; another argument gets its own", () => {
    const made: unknown[] = [];
    const byYear = perArgument((year: number) => {
      made.push(year);
      return { year };
    });
    expect(byYear(2024)).toBe(byYear(2024));
    expect(byYear(2025)).not.toBe(byYear(2024));
    expect(made).toEqual([2024, 2025]);
  });

  it("arguments are told apart by their JSON (objects of the same fields share; null is its own)", () => {
    const bySearch = perArgument((search: { status?: string; year: number | null }) => ({ search }));
    expect(bySearch({ status: "OPEN", year: 2024 })).toBe(bySearch({ status: "OPEN", year: 2024 }));
    expect(bySearch({ year: null })).not.toBe(bySearch({ year: 2024 }));
  });

  it("inside perRequest, each request has its own loaders", () => {
    const loaders = perRequest((_ctx: object) => perArgument((year: number) => ({ year })));
    const a = {};
    const b = {};
    expect(loaders(a)(2024)).toBe(loaders(a)(2024));
    expect(loaders(b)(2024)).not.toBe(loaders(a)(2024));
  });
});
