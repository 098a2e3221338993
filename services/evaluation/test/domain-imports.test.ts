import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const SRC = resolve(__dirname, "../src");

/** What domain and rule code may load at run time: plain modules only. */
const PLAIN = [
  "@grassroots/kit/errors",
  "@grassroots/kit/identity",
  "@grassroots/kit/validation",
  "@grassroots/kit/idempotency",
  "@grassroots/events/contracts",
  "@grassroots/org-projection/units",
  "node:crypto",
];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

/** The modules a file loads at run time (type-only imports and exports are erased by the compiler). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+"([^"]+)";/gms)) {
    if (!m[1]) specifiers.push(m[2]);
  }
  for (const m of text.matchAll(/^import\s+"([^"]+)";/gm)) specifiers.push(m[1]);
  return specifiers;
}

describe("the anatomy: domain and rule code is plain TypeScript", () => {
  it("domain/ and rules/, and every src module they load, import no GraphQL, TypeORM, Apollo, kafkajs or a package root", () => {
    const seen = new Set<string>();
    const outside: string[] = [];
    const queue = [...filesUnder(join(SRC, "domain")), ...filesUnder(join(SRC, "rules"))];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (spec.startsWith(".")) {
          const target = resolve(dirname(file), `${spec}.ts`);
          expect(existsSync(target)).toBe(true);
          queue.push(target);
        } else if (!PLAIN.includes(spec)) {
          outside.push(`${file.slice(SRC.length + 1)} → ${spec}`);
        }
      }
    }
    expect(outside).toEqual([]);
    // The walk reached the mappers the commands publish through, and stayed out of db/ and schema/.
    const reached = [...seen].map((f) => f.slice(SRC.length + 1));
    expect(reached).toContain("events/assessment-events.ts");
    expect(reached.filter((f) => f.startsWith("db/") || f.startsWith("schema/"))).toEqual([]);
  });
});
