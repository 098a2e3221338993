import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

/** gateway/subgraphs.json: the single list of subgraphs; a new service adds itself here. */
export const defaultSubgraphListPath = resolve(__dirname, "..", "..", "subgraphs.json");

const subgraphEntry = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, "lower-case letters, digits and _"),
  url: z.url({ protocol: /^https?$/ }),
  /** Path to the service's committed SDL, relative to subgraphs.json. */
  schema: z.string().min(1),
});

const subgraphList = z.array(subgraphEntry).min(1);

export interface SubgraphEntry {
  name: string;
  url: string;
  /** Absolute path of the SDL file. */
  schemaPath: string;
}

export function readSubgraphList(path: string = defaultSubgraphListPath): SubgraphEntry[] {
  const parsed = subgraphList.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - [${i.path.join(".")}] ${i.message}`).join("\n");
    throw new Error(`${path} is not a valid subgraph list:\n${problems}`);
  }
  const names = parsed.data.map((s) => s.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`${path} lists subgraph "${duplicate}" twice`);
  return parsed.data.map((s) => ({ name: s.name, url: s.url, schemaPath: resolve(dirname(path), s.schema) }));
}
