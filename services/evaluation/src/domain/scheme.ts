import { badInput } from "@grassroots/kit/errors";
import { ORG_UNIT_KINDS, type OrgUnitKind } from "@grassroots/org-projection/units";
import { isMetric, type MetricId } from "../rules/r12-metrics";
import { hundredthsOf } from "./decimal";

/** R12 assessment schemes. Every number is held in hundredths (weights, scores, thresholds). */

export type ScoringFunction =
  /** 0 at `lower` or below, the whole weight at `upper` or above, linear between. */
  | { kind: "LINEAR"; lower: number; upper: number }
  /** Bands [from, to) each earning a share of the weight (percent in hundredths); contiguous, the last closed. */
  | { kind: "STEP"; bands: { from: number; to: number; percent: number }[] }
  /** The whole weight less `perOccurrence` points per occurrence, never below `floor` points. */
  | { kind: "DEDUCTION"; perOccurrence: number; floor: number };

export type Indicator =
  | {
      code: string;
      name: string;
      weight: number;
      kind: "MANUAL";
      maxScore: number;
      guide: string;
      evidenceRequired: boolean;
    }
  | { code: string; name: string; weight: number; kind: "AUTO"; metric: MetricId; scoring: ScoringFunction };

/** A bonus (加分) or deduction (扣分) item: points an assessor adds or takes, at most `cap` in all. */
export interface AdjustmentItem {
  code: string;
  name: string;
  kind: "BONUS" | "DEDUCTION";
  cap: number;
}

/** A grade from a minimum total score (优秀 ≥ 90, …), highest first. */
export interface GradeBand {
  grade: string;
  minScore: number;
}

export interface SchemeDefinition {
  indicators: Indicator[];
  adjustments: AdjustmentItem[];
  grades: GradeBand[];
}

/** One version of a scheme: never edited; a change is the next version. */
export interface AssessmentScheme {
  id: string;
  schemeId: string;
  version: number;
  ownerUnitId: string;
  name: string;
  year: number;
  subjectKinds: OrgUnitKind[];
  cutOffDate: string;
  definition: SchemeDefinition;
  isSample: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

/** The whole weight: 100.00 points. */
export const TOTAL_WEIGHT = 10_000;

/** A scheme as a client sends it: decimals as strings ("33.3"). */
export interface SchemeInput {
  name: string;
  year: number;
  subjectKinds: string[];
  cutOffDate: string;
  indicators: {
    code: string;
    name: string;
    weight: string;
    kind: "MANUAL" | "AUTO";
    maxScore?: string | null;
    guide?: string | null;
    evidenceRequired?: boolean | null;
    metric?: string | null;
    scoring?: {
      function: "LINEAR" | "STEP" | "DEDUCTION";
      lower?: string | null;
      upper?: string | null;
      bands?: { from: string; to: string; percent: string }[] | null;
      perOccurrence?: string | null;
      floor?: string | null;
    } | null;
  }[];
  adjustments?: { code: string; name: string; kind: "BONUS" | "DEDUCTION"; cap: string }[] | null;
  grades?: { grade: string; minScore: string }[] | null;
}

const CODE = /^[A-Za-z0-9_-]{1,20}$/;

function required<T>(value: T | null | undefined, field: string, what: string): T {
  if (value === null || value === undefined || value === "")
    throw badInput(`${field} is required ${what}.`, field);
  return value;
}

function scoringOf(
  input: NonNullable<SchemeInput["indicators"][number]["scoring"]>,
  weight: number,
  field: string,
): ScoringFunction {
  const num = (v: string | null | undefined, name: string) =>
    hundredthsOf(required(v, `${field}.${name}`, `for ${input.function} scoring`), `${field}.${name}`);
  if (input.function === "LINEAR") {
    const [lower, upper] = [num(input.lower, "lower"), num(input.upper, "upper")];
    if (lower >= upper) throw badInput(`${field}.upper must be above ${field}.lower.`, `${field}.upper`);
    return { kind: "LINEAR", lower, upper };
  }
  if (input.function === "STEP") {
    const bands = required(input.bands, `${field}.bands`, "for STEP scoring").map((b, i) => ({
      from: hundredthsOf(b.from, `${field}.bands[${i}].from`),
      to: hundredthsOf(b.to, `${field}.bands[${i}].to`),
      percent: hundredthsOf(b.percent, `${field}.bands[${i}].percent`),
    }));
    if (bands.length === 0) throw badInput(`${field}.bands needs at least one band.`, `${field}.bands`);
    bands.forEach((b, i) => {
      if (b.from >= b.to)
        throw badInput(`${field}.bands[${i}] must end above where it starts.`, `${field}.bands`);
      if (b.percent > TOTAL_WEIGHT)
        throw badInput(`${field}.bands[${i}].percent is at most 100.`, `${field}.bands`);
      const next = bands[i + 1];
      if (next && next.from > b.to)
        throw badInput(
          `${field}.bands leave a gap between band ${i + 1} and band ${i + 2}.`,
          `${field}.bands`,
        );
      if (next && next.from < b.to)
        throw badInput(
          `${field}.bands overlap: band ${i + 2} starts inside band ${i + 1}.`,
          `${field}.bands`,
        );
    });
    return { kind: "STEP", bands };
  }
  const [perOccurrence, floor] = [
    num(input.perOccurrence, "perOccurrence"),
    num(input.floor ?? "0", "floor"),
  ];
  if (perOccurrence === 0)
    throw badInput(`${field}.perOccurrence must be above 0.`, `${field}.perOccurrence`);
  if (floor > weight)
    throw badInput(`${field}.floor cannot exceed the indicator's weight.`, `${field}.floor`);
  return { kind: "DEDUCTION", perOccurrence, floor };
}

function indicatorOf(input: SchemeInput["indicators"][number], i: number): Indicator {
  const field = `indicators[${i}]`;
  if (!CODE.test(input.code))
    throw badInput(`${field}.code must be 1–20 letters, digits, _ or -.`, `${field}.code`);
  const name = input.name.trim();
  if (!name || name.length > 100) throw badInput(`${field}.name must be 1–100 characters.`, `${field}.name`);
  const weight = hundredthsOf(input.weight, `${field}.weight`);
  if (weight === 0) throw badInput(`${field}.weight must be above 0.`, `${field}.weight`);
  if (input.kind === "MANUAL") {
    const maxScore = hundredthsOf(
      required(input.maxScore, `${field}.maxScore`, "for a MANUAL indicator"),
      `${field}.maxScore`,
    );
    if (maxScore === 0) throw badInput(`${field}.maxScore must be above 0.`, `${field}.maxScore`);
    const guide = required(input.guide?.trim(), `${field}.guide`, "for a MANUAL indicator");
    return {
      code: input.code,
      name,
      weight,
      kind: "MANUAL",
      maxScore,
      guide,
      evidenceRequired: input.evidenceRequired ?? true,
    };
  }
  const metric = required(input.metric, `${field}.metric`, "for an AUTO indicator");
  if (!isMetric(metric))
    throw badInput(`${field}.metric "${metric}" is not in the metric catalogue.`, `${field}.metric`);
  const scoring = scoringOf(
    required(input.scoring, `${field}.scoring`, "for an AUTO indicator"),
    weight,
    `${field}.scoring`,
  );
  return { code: input.code, name, weight, kind: "AUTO", metric, scoring };
}

/** A scheme's definition checked: weights add up to exactly 100 (as integers of hundredths), codes unique, bands contiguous. */
export function schemeDefinitionOf(input: SchemeInput): SchemeDefinition {
  if (input.indicators.length === 0) throw badInput("indicators needs at least one indicator.", "indicators");
  const indicators = input.indicators.map(indicatorOf);
  const total = indicators.reduce((sum, i) => sum + i.weight, 0);
  if (total !== TOTAL_WEIGHT) {
    throw badInput(
      `The indicators' weights must add up to exactly 100; they add up to ${(total / 100).toFixed(2)}.`,
      "indicators",
    );
  }
  const adjustments = (input.adjustments ?? []).map((a, i) => {
    if (!CODE.test(a.code))
      throw badInput(
        `adjustments[${i}].code must be 1–20 letters, digits, _ or -.`,
        `adjustments[${i}].code`,
      );
    return {
      code: a.code,
      name: a.name.trim(),
      kind: a.kind,
      cap: hundredthsOf(a.cap, `adjustments[${i}].cap`),
    };
  });
  const codes = [...indicators.map((i) => i.code), ...adjustments.map((a) => a.code)];
  const twice = codes.find((c, i) => codes.indexOf(c) !== i);
  if (twice) throw badInput(`The code ${twice} is used twice.`, "indicators");
  const grades = (input.grades ?? [])
    .map((g, i) => ({ grade: g.grade.trim(), minScore: hundredthsOf(g.minScore, `grades[${i}].minScore`) }))
    .sort((a, b) => b.minScore - a.minScore);
  if (new Set(grades.map((g) => g.minScore)).size !== grades.length)
    throw badInput("grades: two grades start at the same score.", "grades");
  return { indicators, adjustments, grades };
}

/** The scheme's header checked (the definition apart). */
export function checkSchemeHeader(input: SchemeInput): { name: string; subjectKinds: OrgUnitKind[] } {
  const name = input.name.trim();
  if (!name || name.length > 200) throw badInput("name must be 1–200 characters.", "name");
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw badInput("year must be 2000–2100.", "year");
  if (input.subjectKinds.length === 0)
    throw badInput("subjectKinds needs at least one kind.", "subjectKinds");
  const unknown = input.subjectKinds.find((k) => !(ORG_UNIT_KINDS as readonly string[]).includes(k));
  if (unknown) throw badInput(`subjectKinds: ${unknown} is not a kind of org unit.`, "subjectKinds");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.cutOffDate))
    throw badInput("cutOffDate must be a date YYYY-MM-DD.", "cutOffDate");
  return { name, subjectKinds: [...new Set(input.subjectKinds)] as OrgUnitKind[] };
}

/** The grade of a total by the scheme's bands (highest first); null when the scheme has none or none reaches. */
export const gradeOf = (grades: readonly GradeBand[], total: number): string | null =>
  grades.find((g) => total >= g.minScore)?.grade ?? null;
