import { WriteGenerations } from "../src/cache/write-generations";

describe("WriteGenerations (a caller's writes start their cached reads afresh)", () => {
  it("moves only the writer's generation, never back to a value used before", () => {
    const g = new WriteGenerations(60_000, () => 0);
    expect(g.current("a")).toBe(0);
    g.bump("a");
    g.bump("b");
    g.bump("a");
    expect(g.current("a")).toBe(3);
    expect(g.current("b")).toBe(2);
    expect(g.current("c")).toBe(0);
  });

  it("forgets a writer only once every answer cached before their write has expired", () => {
    let now = 0;
    const g = new WriteGenerations(60_000, () => now);
    g.bump("a");
    now = 59_000;
    g.bump("b");
    expect(g.current("a")).toBe(1);
    now = 61_000;
    g.bump("c");
    expect(g.current("a")).toBe(0);
    expect(g.current("b")).toBe(2);
    expect(g.size).toBe(2);
  });
});
