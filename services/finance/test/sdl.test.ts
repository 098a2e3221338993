import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { printSubgraphSdl } from "../src/schema/print-sdl";

describe("schema.graphql", () => {
  it("is what the code prints (run `pnpm build && pnpm print-sdl` when this fails)", async () => {
    const committed = readFileSync(resolve(__dirname, "../schema.graphql"), "utf8");
    expect(committed).toBe(await printSubgraphSdl());
  });
});
