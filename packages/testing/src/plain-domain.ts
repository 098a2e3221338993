import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** What a service's domain and rule code may load at run time: the plain subpaths and node:crypto. */
export const PLAIN_MODULES: readonly string[] = [
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

/**
 * The anatomy's check that domain code is plain TypeScript: walks `src`'s domain/ and rules/ and every
 * src module they load at run time, and expects each package they load to be in `allowed`, every
 * relative import to name an existing .ts file, and none of db/ or schema/ to be reached. Returns the
 * files reached (relative to `src`), so a test can check the walk went where it should.
 */
export function expectPlainDomain(src: string, allowed: readonly string[] = PLAIN_MODULES): string[] {
  const seen = new Set<string>();
  const outside: string[] = [];
  const queue = [...filesUnder(join(src, "domain")), ...filesUnder(join(src, "rules"))];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), `${spec}.ts`);
        expect(existsSync(target)).toBe(true);
        queue.push(target);
      } else if (!allowed.includes(spec)) {
        outside.push(`${file.slice(src.length + 1)} → ${spec}`);
      }
    }
  }
  expect(outside).toEqual([]);
  const reached = [...seen].map((f) => f.slice(src.length + 1));
  expect(reached.filter((f) => f.startsWith("db/") || f.startsWith("schema/"))).toEqual([]);
  return reached;
}
