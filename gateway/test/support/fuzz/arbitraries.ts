import fc from "fast-check";
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from "graphql";
import { testIdNumber } from "@grassroots/testing";

// fast-check arbitraries derived from the schema's argument and input-object types. Each field gets a
// mix of values a client could mean (real ids, today's dates, small numbers, valid enum names) and
// hostile ones (boundaries, huge and empty strings, control characters, full-width digits, impossible
// dates, ids of another banner's rows, unknown and malformed ids), so both the validation paths and
// the paths past validation are reached. A field's name picks the flavour of its strings (a date, a
// money amount, a period, a division code…). `undefined` leaves a field out of the JSON (missing).

export interface FuzzContext {
  /** Ids of real rows of every service (both banners, the city), so some inputs point at real things. */
  ids: string[];
  /** Today in China (YYYY-MM-DD). */
  today: string;
}

/** Strings no field should choke on: boundaries, control characters, scripts, injections. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\t\n\r",
  "x".repeat(10_000),
  "统".repeat(5_000),
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\u202eabc",
  "\ufeff",
  "\ud800",
  "😀👨‍👩‍👧",
  "𠜎𠜱",
  "１２３",
  "١٢٣",
  "'; DROP TABLE outbox; --",
  "' OR '1'='1",
  '{"a":1}',
  "[]",
  "null",
  "undefined",
  "NaN",
  "<script>alert(1)</script>",
  "%s%n%x",
  "${7*7}",
  "\\",
  "../../etc/passwd",
];

const INTS = [0, -1, 1, 2, 3, 7, 100, 2 ** 31 - 1, -(2 ** 31), 2025, 2026, 2027, 1900, 9999, 10_000];
/** Values the GraphQL Int or Float coercion must refuse (not a 500): too big, fractional, strings. */
const BAD_NUMBERS = [2 ** 31, 2 ** 53 + 1, 1.5, "1", "NaN", true, 1e308];
const FLOATS = [0, -1, 0.5, 8, 16, 90, 100, 100.5, 1e-9, -0, 1e308, 2 ** 53 + 1];
const MONEY = [
  "0",
  "0.00",
  "1",
  "100.00",
  "12345.67",
  "0.01",
  "0.001",
  "100.555",
  "-1",
  "-0.01",
  "1e3",
  "9999999999999999.99",
  "99999999999999999999999",
  "１００",
  " 100",
  "1,000.00",
  "0x10",
  "Infinity",
  "NaN",
  "+5",
  ".5",
  "5.",
];
const PERIODS = [
  "2026-01",
  "2026-06",
  "2026-12",
  "2026-13",
  "2026-00",
  "2026",
  "2026-Q1",
  "26-01",
  "２０２６-０１",
];
const CODES = [
  "150621100299",
  "150621",
  "150621100001",
  "15062110029",
  "1506211002999",
  "１５０６２１１００２９９",
  "ABCDEFGHIJKL",
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const weighted = (...arbs: [number, fc.Arbitrary<unknown>][]) =>
  fc.oneof(...arbs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

function dates(ctx: FuzzContext): fc.Arbitrary<unknown> {
  const year = Number(ctx.today.slice(0, 4));
  const valid = fc
    .date({
      min: new Date(Date.UTC(year - 2, 0, 1)),
      max: new Date(Date.UTC(year + 1, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const wrong = pick([
    `${year}-02-30`,
    `${year}-02-29`,
    "0000-01-01",
    `${year}-13-01`,
    `${year}-00-10`,
    `${year}-1-1`,
    "9999-12-31",
    "1900-01-01",
    `${year}-06-31`,
    `${year}/06/01`,
    `${ctx.today}T00:00:00Z`,
    "２０２６-０１-０１",
    "tomorrow",
    "",
  ]);
  return weighted(
    [5, fc.constant(ctx.today)],
    [30, valid],
    [35, wrong],
    [10, pick(HOSTILE_STRINGS)],
    [3, pick(BAD_NUMBERS)],
  );
}

function ids(ctx: FuzzContext): fc.Arbitrary<unknown> {
  const malformed = pick([
    "",
    "not-a-uuid",
    "1",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "123e4567-e89b-12d3-a456-42661417400G",
    "150621000000",
    "'; DROP TABLE outbox; --",
    "x".repeat(10_000),
    "１２３",
  ]);
  return weighted(
    [55, pick(ctx.ids)],
    [15, fc.uuid()],
    [10, pick(ctx.ids).map((id) => ` ${id}`)],
    [10, pick(ctx.ids).map((id) => id.toUpperCase())],
    [15, malformed],
    [3, pick([1, 1.5, true, 2 ** 53 + 1])],
  );
}

/** Strings shaped by what the field holds, judged by its name. */
function strings(field: string, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const hostile = pick(HOSTILE_STRINGS);
  const text = weighted(
    [
      20,
      pick([
        "测试",
        "张三",
        "达拉特旗统计局",
        "旗统计局会议室",
        "A-1",
        "第一次工作会议",
        "TOWNSHIP",
        "BANNER",
        "VILLAGE",
        "R1",
      ]),
    ],
    [15, fc.string({ maxLength: 40 })],
    [10, fc.string({ unit: "grapheme", maxLength: 20 })],
    [25, hostile],
  );
  const f = field.toLowerCase();
  if (/date|deadline|on$|^from$|^to$/.test(f) && !/percent/.test(f))
    return weighted([60, dates(ctx)], [40, text]);
  if (/amount|points|weight|score|rate|share|cap|lower|upper|percent|occurrence|floor/.test(f))
    return weighted([60, pick(MONEY)], [20, fc.double().map(String)], [20, text]);
  if (f === "period") return weighted([60, pick(PERIODS)], [40, text]);
  if (f === "code" || f === "newcode") return weighted([50, pick(CODES)], [50, text]);
  if (f === "idnumber")
    return weighted(
      [40, fc.integer({ min: 0, max: 999_999 }).map((n) => testIdNumber("150621", n))],
      [10, fc.integer({ min: 0, max: 999_999 }).map((n) => testIdNumber("150621", n).slice(0, 17) + "0")],
      [
        10,
        pick([
          "15062119700101001x",
          "15062119700101001",
          "1506211970010100123",
          "１５０６２１１９７００１０１００１Ｘ",
        ]),
      ],
      [40, text],
    );
  if (f === "phone")
    return weighted(
      [40, pick(["13800138000", "0477-8581234", "+86 13800138000", "１３８００１３８０００"])],
      [60, text],
    );
  if (f === "requestid")
    return weighted([60, fc.uuid()], [10, pick(["fuzz-request-1", "fuzz-request-2"])], [30, text]);
  if (f === "content")
    return weighted(
      [
        30,
        pick([
          "code,name,parent\n150621100299,测试村,150621100000\n",
          "a,b\n1,2\n",
          "UEsDBBQ=",
          "\u0000\u0000",
        ]),
      ],
      [70, text],
    );
  return text;
}

function scalar(name: string, field: string, ctx: FuzzContext): fc.Arbitrary<unknown> {
  switch (name) {
    case "ID":
      return ids(ctx);
    case "Int":
      return weighted([80, pick(INTS)], [10, fc.integer()], [10, pick(BAD_NUMBERS)]);
    case "Float":
      return weighted(
        [70, pick(FLOATS)],
        [15, fc.double({ noNaN: true, noDefaultInfinity: true })],
        [15, pick(["NaN", "1", true])],
      );
    case "Boolean":
      return weighted([90, fc.boolean()], [10, pick(["true", 1, 0])]);
    case "LocalDate":
    case "DateTimeISO":
      return dates(ctx);
    case "String":
      return weighted([95, strings(field, ctx)], [5, pick(BAD_NUMBERS)]);
    default:
      return weighted([50, strings(field, ctx)], [50, pick(HOSTILE_STRINGS)]);
  }
}

/**
 * A plausible value (real ids, valid dates and enums, small numbers, ordinary text): inputs made only
 * of these get past validation, so the commands' own checks and writes are fuzzed too.
 */
function tameValueOf(
  type: GraphQLInputType,
  field: string,
  ctx: FuzzContext,
  depth: number,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return tameValueOf(type.ofType, field, ctx, depth);
  if (isListType(type))
    return fc.array(tameValueOf(type.ofType, field, ctx, depth + 1), { minLength: 1, maxLength: 2 });
  if (isEnumType(type)) return pick(type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc.record(
      Object.fromEntries(
        fields.map((f) => {
          const value = tameValueOf(f.type, f.name, ctx, depth + 1);
          return [
            f.name,
            isNonNullType(f.type) ? value : weighted([70, value], [30, fc.constant(undefined)]),
          ];
        }),
      ),
    );
  }
  if (!isScalarType(type)) throw new Error(`no arbitrary for ${String(type)}`);
  const f = field.toLowerCase();
  switch (type.name) {
    case "ID":
      return pick(ctx.ids);
    case "Int":
      return f.includes("year") ? pick([2025, 2026, 2027]) : pick([0, 1, 2, 3, 10, 16, 100]);
    case "Float":
      return pick([0, 8, 16, 60, 90]);
    case "Boolean":
      return fc.boolean();
    case "LocalDate":
    case "DateTimeISO":
      return pick([ctx.today, "2026-01-15", "2026-06-30", "2026-11-20", "2025-12-31"]);
    default:
      if (/date|deadline|on$/.test(f)) return pick([ctx.today, "2026-01-15", "2026-06-30", "2026-11-20"]);
      if (/amount|points|weight|score|rate|share|cap|lower|upper|percent|occurrence|floor/.test(f))
        return pick(["0", "1", "10", "100.00", "12345.67"]);
      if (f === "period") return pick(["2026-01", "2026-06", "2026-11"]);
      if (f === "code" || f === "newcode") return pick(CODES.slice(0, 3));
      if (f === "idnumber") return fc.integer({ min: 0, max: 999_999 }).map((n) => testIdNumber("150621", n));
      if (f === "requestid") return fc.uuid();
      return pick(["测试", "张三", "达拉特旗统计局", "A1", "R1", "TOWNSHIP", "BANNER", "基层统计工作"]);
  }
}

/** A value for a type, at a depth (nested lists and objects get smaller). */
export function valueOf(
  type: GraphQLInputType,
  field: string,
  ctx: FuzzContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    // Mostly a value; sometimes missing or null (the gateway must refuse both, with a code).
    return weighted(
      [94, valueOf(type.ofType, field, ctx, depth)],
      [3, fc.constant(undefined)],
      [3, fc.constant(null)],
    );
  }
  const inner = getNullableType(type);
  const present = presentValueOf(inner, field, ctx, depth);
  return weighted([65, present], [25, fc.constant(undefined)], [10, fc.constant(null)]);
}

function presentValueOf(
  type: GraphQLInputType,
  field: string,
  ctx: FuzzContext,
  depth: number,
): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valueOf(type.ofType, field, ctx, depth + 1);
    return weighted(
      [15, fc.constant([])],
      [60, fc.array(item, { minLength: 1, maxLength: depth > 1 ? 2 : 4 })],
      // A huge list: the same generated item many times (a big body, one value's work).
      [depth === 0 ? 5 : 1, item.map((v) => Array.from({ length: 5_000 }, () => v))],
      [10, item],
    );
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    return weighted(
      [85, pick(names)],
      [15, pick(["INVALID", "", names[0].toLowerCase(), ` ${names[0]}`, "__proto__", 1])],
    );
  }
  if (isScalarType(type)) return scalar(type.name, field, ctx);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, f.name, ctx, depth + 1)]));
    const record = fc.record(shape);
    return weighted(
      [90, record],
      [5, record.map((r) => ({ ...r, unexpectedField: "extra" }))],
      [5, pick(["{}", "not an object", 1, [] as unknown[]])],
    );
  }
  throw new Error(`no arbitrary for ${String(type)}`);
}

/** The variables of one call: a value for each argument of the mutation. */
export function variablesOf(
  args: readonly { name: string; type: GraphQLInputType }[],
  ctx: FuzzContext,
): fc.Arbitrary<Record<string, unknown>> {
  if (args.length === 0) {
    // Nothing to vary but variables the operation never declares (ignored, as GraphQL says).
    return fc.dictionary(fc.string({ maxLength: 8 }), pick(HOSTILE_STRINGS), { maxKeys: 3 });
  }
  const wild = fc.record(Object.fromEntries(args.map((a) => [a.name, valueOf(a.type, a.name, ctx)])));
  const tame = fc.record(Object.fromEntries(args.map((a) => [a.name, tameValueOf(a.type, a.name, ctx, 0)])));
  // A plausible input with one argument's value wild: hostile values past the first checks.
  const oneWild = fc
    .tuple(tame, fc.constantFrom(...args.map((a) => a.name)), wild)
    .map(([t, name, w]) => ({ ...t, [name]: w[name] }));
  return weighted([55, wild], [30, tame], [15, oneWild]) as fc.Arbitrary<Record<string, unknown>>;
}
