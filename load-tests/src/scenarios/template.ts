/**
 * The small template language of the scenario definitions, shared by both drivers. k6/lib.js holds a
 * line-for-line JavaScript copy (k6 cannot load this TypeScript); test/k6-lib.test.ts runs both on the
 * same inputs, so they cannot drift apart.
 *
 * A string value "${expr}" becomes the value of expr (any JSON type); "text ${expr} text" interpolates.
 *   name            a captured value of this iteration, else a fixture from setup, else a parameter
 *   pick:name       a random element of the list `name`
 *   next:name       the elements of `name` in turn (per driver process / k6 VU)
 *   int:a:b         a random integer in [a, b]
 *   oneOf:A|B|C     one of the literal words
 *   uuid            a random UUID (request ids)
 *   today           today's business date (China time), YYYY-MM-DD
 *   thisYear        the current year (China time)
 *   idNumber:name   a fresh valid resident ID number (GB 11643) in the region whose code starts with `name`'s
 *                   first 6 digits, unique per run (the run salt and a counter choose the birth date and sequence)
 */

import { residentIdCheckCharacter } from "@grassroots/kit/validation";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface TemplateState {
  /** Random numbers in [0, 1): Math.random in the drivers, a fixed sequence in tests. */
  random: () => number;
  /** Counters of `next:` and `idNumber:`. */
  counters: Record<string, number>;
  /** Distinguishes runs (and k6 VUs / Node processes) so generated ID numbers never repeat. */
  salt: number;
  /** Fixed clock for tests; the drivers use the real one. */
  now?: () => Date;
}

export type Scope = Record<string, Json | undefined>;

const WHOLE = /^\$\{([^}]+)\}$/;
const PART = /\$\{([^}]+)\}/g;

/** China time (UTC+8, no daylight saving): the business date the services use. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function lookup(name: string, scope: Scope): Json {
  const value = scope[name];
  if (value === undefined) throw new Error(`template: "${name}" is not captured, a fixture or a parameter`);
  return value;
}

function listOf(name: string, scope: Scope): Json[] {
  const value = lookup(name, scope);
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`template: "${name}" is not a non-empty list`);
  return value;
}

/** GB 11643 check character of the first 17 digits: the kit's (k6/lib.js keeps a copy, tested against it). */
export const idCheckCharacter = residentIdCheckCharacter;

const DAY_MS = 86400000;
const BIRTH_BASE_MS = Date.UTC(1966, 0, 1);
const BIRTH_SPAN_DAYS = 12000;

/** The n-th ID number of a region: birth date and sequence from n, so every n below 12 million is distinct. */
export function idNumberFor(region: string, n: number): string {
  const birth = new Date(BIRTH_BASE_MS + (n % BIRTH_SPAN_DAYS) * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, "");
  const sequence = String(Math.floor(n / BIRTH_SPAN_DAYS) % 1000).padStart(3, "0");
  const first17 = `${region.slice(0, 6)}${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

function uuid(random: () => number): string {
  const hex = "0123456789abcdef";
  let out = "";
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += "-";
    else if (i === 14) out += "4";
    else if (i === 19) out += hex[8 + Math.floor(random() * 4)];
    else out += hex[Math.floor(random() * 16)];
  }
  return out;
}

function evaluate(expr: string, scope: Scope, state: TemplateState): Json {
  const [fn, ...args] = expr.split(":");
  const now = state.now ? state.now() : new Date();
  switch (fn) {
    case "pick": {
      const list = listOf(args[0], scope);
      return list[Math.floor(state.random() * list.length)];
    }
    case "next": {
      const list = listOf(args[0], scope);
      const n = state.counters[expr] ?? 0;
      state.counters[expr] = n + 1;
      return list[n % list.length];
    }
    case "int": {
      const lo = Number(args[0]);
      const hi = Number(args[1]);
      return lo + Math.floor(state.random() * (hi - lo + 1));
    }
    case "oneOf": {
      const words = args.join(":").split("|");
      return words[Math.floor(state.random() * words.length)];
    }
    case "uuid":
      return uuid(state.random);
    case "today":
      return chinaDate(now);
    case "thisYear":
      return Number(chinaDate(now).slice(0, 4));
    case "idNumber": {
      const n = state.counters["idNumber"] ?? 0;
      state.counters["idNumber"] = n + 1;
      return idNumberFor(String(lookup(args[0], scope)), state.salt * 10000 + n);
    }
    default:
      if (args.length) throw new Error(`template: unknown function "${fn}" in "\${${expr}}"`);
      return lookup(fn, scope);
  }
}

/** Expands a template (variables of a step, an identity's home unit) against a scope. */
export function expand(template: Json, scope: Scope, state: TemplateState): Json {
  if (typeof template === "string") {
    const whole = WHOLE.exec(template);
    if (whole) return evaluate(whole[1], scope, state);
    return template.replace(PART, (_m, expr: string) => String(evaluate(expr, scope, state)));
  }
  if (Array.isArray(template)) return template.map((t) => expand(t, scope, state));
  if (template && typeof template === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(template)) out[key] = expand(value, scope, state);
    return out;
  }
  return template;
}

/**
 * Reads a value out of a response's `data`: "a.b.c", "list[0].x", and "edges[*].node.id" for every
 * element (a list). A missing step gives undefined.
 */
export function extract(data: Json | undefined, path: string): Json | undefined {
  const parts = path
    .replace(/\[(\*|\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean);
  const walk = (value: Json | undefined, i: number): Json | undefined => {
    if (i === parts.length) return value;
    if (value === null || value === undefined || typeof value !== "object") return undefined;
    const part = parts[i];
    if (part === "*") {
      if (!Array.isArray(value)) return undefined;
      const out: Json[] = [];
      for (const item of value) {
        const got = walk(item, i + 1);
        if (Array.isArray(got) && parts.slice(i + 1).includes("*")) out.push(...got);
        else if (got !== undefined) out.push(got);
      }
      return out;
    }
    return walk(Array.isArray(value) ? value[Number(part)] : (value as Record<string, Json>)[part], i + 1);
  };
  return walk(data, 0);
}

/** Chooses a flow by weight with one random number. */
export function pickWeighted<T extends { weight: number }>(items: readonly T[], random: () => number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let at = random() * total;
  for (const item of items) {
    at -= item.weight;
    if (at < 0) return item;
  }
  return items[items.length - 1];
}
