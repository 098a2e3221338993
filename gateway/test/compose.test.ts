import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeFromFiles, SUPERGRAPH_HEADER } from "../src/compose/compose-supergraph";
import { readSubgraphList } from "../src/compose/subgraph-list";

const fixtures = join(__dirname, "fixtures");

/** Writes a subgraphs.json into a fresh folder and reads it back as the CLI would. */
function subgraphList(entries: unknown) {
  const dir = mkdtempSync(join(tmpdir(), "gateway-compose-"));
  writeFileSync(join(dir, "subgraphs.json"), JSON.stringify(entries));
  return { dir, list: () => readSubgraphList(join(dir, "subgraphs.json")) };
}

describe("composing the supergraph from subgraphs.json", () => {
  test("schema paths are relative to subgraphs.json; the result carries each subgraph's URL", () => {
    const { list } = subgraphList([
      { name: "echo", url: "http://127.0.0.1:4999/graphql", schema: join(fixtures, "echo-subgraph.graphql") },
    ]);
    const outcome = composeFromFiles(list());
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    expect(outcome.supergraphSdl.startsWith(SUPERGRAPH_HEADER)).toBe(true);
    expect(outcome.supergraphSdl).toMatch(
      /join__graph\(name: "echo", url: "http:\/\/127\.0\.0\.1:4999\/graphql"\)/,
    );
  });

  test("a subgraph whose schema file does not exist yet is named in the error", () => {
    const { list } = subgraphList([
      { name: "personnel", url: "http://127.0.0.1:4002/graphql", schema: "nope.graphql" },
    ]);
    const outcome = composeFromFiles(list());
    expect(outcome).toEqual({
      ok: false,
      errors: [expect.stringMatching(/subgraph "personnel": schema file .*nope\.graphql does not exist/)],
    });
  });

  test("composition errors are reported, not written", () => {
    const { dir, list } = subgraphList([
      { name: "a", url: "http://127.0.0.1:1/graphql", schema: "a.graphql" },
      { name: "b", url: "http://127.0.0.1:2/graphql", schema: "b.graphql" },
    ]);
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { same: String }`;
    writeFileSync(join(dir, "a.graphql"), sdl);
    writeFileSync(join(dir, "b.graphql"), sdl);
    const outcome = composeFromFiles(list());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.join("\n")).toMatch(/INVALID_FIELD_SHARING/);
  });

  test("a malformed subgraphs.json is refused with every problem", () => {
    const { list } = subgraphList([{ name: "Bad Name", url: "ftp://x", schema: "" }]);
    expect(list).toThrow(/\[0\.name\][\s\S]*\[0\.url\][\s\S]*\[0\.schema\]/);
  });

  test("the same subgraph listed twice is refused", () => {
    const entry = { name: "a", url: "http://127.0.0.1:1/graphql", schema: "a.graphql" };
    const { list } = subgraphList([entry, entry]);
    expect(list).toThrow(/lists subgraph "a" twice/);
  });
});
