import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import type { GraphQLResult } from "@grassroots/testing";
import type { GraphQLSchema } from "graphql";
import {
  ACCESS_POLICY,
  AREAS,
  expectedOutcome,
  type Area,
  type Outcome,
  type PolicyRow,
} from "./access-policy";
import { CALLERS, relation, type Caller } from "./areas";
import { mutationProbe, targetKeys } from "./mutation-probes";
import { QUERY_PROBES, referenceProbe, type Aim, type Probe } from "./read-probes";
import type { Seeds } from "./seed";

// The cases of the matrix (operation × role × area, plus the caller without a token) and the verdict
// on each answer against the policy table.

export type Expected = Outcome | "UNAUTHENTICATED";
export interface Case {
  row: PolicyRow;
  /** undefined: the caller without a token. */
  caller?: Caller;
  area: Area | "—";
  aim?: Aim;
  expected: Expected;
  probe: Probe;
}
export type Verdict = "ok" | "leak" | "wrong refusal" | "wrong code" | "error";

/** A refused reference case whose path did not lead to the entity at all (the path itself hid it). */
export const unreached = (c: Case, res: GraphQLResult) =>
  c.expected !== "allowed" && c.probe.reached !== undefined && !c.probe.reached(res.data);

export interface Generated {
  cases: Case[];
  /** Combinations not run, by reason. */
  skipped: Record<string, number>;
}

const REFUSALS = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"];

/** A record of the target's kind whose unit lies in `area` seen from the caller (the aimed unit first). */
function recordFor(seeds: Seeds, row: PolicyRow, caller: Caller, area: Area, unit: string) {
  const records = (seeds[row.target] ?? []).filter((r) => relation(caller.home, r.unit) === area);
  return records.find((r) => r.unit === unit) ?? records[0];
}

function probeFor(schema: GraphQLSchema, row: PolicyRow, aim: Aim | undefined, role = ""): Probe | undefined {
  if (row.kind === "mutation") return mutationProbe(schema, row, aim, role);
  if (row.kind === "reference") return aim && referenceProbe(row.operation, aim);
  const probe = QUERY_PROBES[row.operation.slice("query.".length)];
  return probe?.(aim ?? ({ unitId: randomUUID(), unitCode: "", area: "own", seeds: {} } as Aim));
}

/** A record that exists nowhere, at a unit: a role's refusal comes before any look-up. */
const nowhere = (unit: string, area: Area, seeds: Seeds): Aim => ({
  unitId: idOf(unit),
  unitCode: unit,
  record: { id: randomUUID(), unit },
  area,
  seeds,
});

/** What a case of this row aims at in an area, or why it is not run. */
function aimFor(row: PolicyRow, caller: Caller, area: Area, seeds: Seeds): Aim | undefined | string {
  const unit = caller.targets[area];
  if (!unit) return `the ${caller.role} has no unit ${area}`;
  const named = caller.role in row.roles;
  if (row.target === "none") return undefined;
  if (row.target === "unit") return { unitId: idOf(unit), unitCode: unit, area, seeds };
  if (row.target === "unseeded")
    return named ? `a record the seed does not make (${row.operation})` : nowhere(unit, area, seeds);
  const record = recordFor(seeds, row, caller, area, unit);
  if (record) return { unitId: idOf(record.unit), unitCode: record.unit, record, area, seeds };
  return named
    ? `no ${row.target} of the seed lies ${area} of the ${caller.role}`
    : nowhere(unit, area, seeds);
}

export function generateCases(schema: GraphQLSchema, seeds: Seeds): Generated {
  const cases: Case[] = [];
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  for (const row of READS_FIRST) {
    const single = row.target === "none" || row.target === "unseeded";
    for (const caller of CALLERS) {
      for (const area of single ? (["own"] as Area[]) : AREAS) {
        const aim = aimFor(row, caller, area, seeds);
        if (typeof aim === "string") {
          skip(aim);
          continue;
        }
        const probe = probeFor(schema, row, aim, caller.role);
        if (!probe) {
          skip(`no path reaches it (${row.operation}, ${area})`);
          continue;
        }
        const expected = expectedOutcome(row, caller.role, area);
        cases.push({ row, caller, area: single ? "—" : area, aim, probe, expected });
      }
    }
    // the caller without a token, aimed where the banner bureau's own calls aim
    const banner = CALLERS[1];
    const aim = aimFor(row, banner, "below", seeds) ?? aimFor(row, banner, "own", seeds);
    const probe = probeFor(schema, row, typeof aim === "string" ? nowhere(banner.home, "own", seeds) : aim);
    if (probe)
      cases.push({
        row,
        area: "—",
        aim: typeof aim === "string" ? undefined : aim,
        probe,
        expected: "UNAUTHENTICATED",
      });
    else skip("no path reaches it without a token");
  }
  return { cases, skipped };
}

/** Reads first, then the mutations (the creating ones add records the reads should not depend on). */
const READS_FIRST = [...ACCESS_POLICY].sort(
  (a, b) => Number(a.kind === "mutation") - Number(b.kind === "mutation"),
);

/** The refusal an answer carries: a mutation's NOT_FOUND counts only when it names the target. */
function refusalOf(c: Case, res: GraphQLResult): string | undefined {
  for (const e of res.errors ?? []) {
    const code = e.extensions?.code;
    if (!code || !REFUSALS.includes(code)) continue;
    if (code === "NOT_FOUND" && c.row.kind === "mutation" && c.aim) {
      if (!targetKeys(c.aim).some((k) => e.message.includes(k))) continue;
    }
    return code;
  }
  return undefined;
}

/** Codes an allowed mutation may end with: its checks passed, the stale version or a field stopped it. */
const PAST_ACCESS = ["BAD_USER_INPUT", "CONFLICT", "NOT_FOUND"];

export function judge(c: Case, res: GraphQLResult): Verdict {
  const refusal = refusalOf(c, res);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? "?");
  const carried = !res.errors?.length && c.probe.carried(res.data);
  const others = codes.filter((code) => !REFUSALS.includes(code) || (code === "NOT_FOUND" && !refusal));
  if (c.expected === "allowed") {
    if (refusal) return "wrong refusal";
    if (c.row.kind === "mutation") return others.every((code) => PAST_ACCESS.includes(code)) ? "ok" : "error";
    return codes.length === 0 ? "ok" : "error";
  }
  if (c.expected === "hidden" || (c.row.kind === "reference" && c.expected !== "UNAUTHENTICATED")) {
    if (refusal === "NOT_FOUND" || refusal === "FORBIDDEN") return "ok";
    if (carried) return "leak";
    return codes.length === 0 ? "ok" : refusal ? "wrong code" : "error";
  }
  if (c.expected === "BAD_USER_INPUT") {
    if (refusal) return "wrong code";
    return codes.includes("BAD_USER_INPUT") ? "ok" : carried ? "leak" : "error";
  }
  if (refusal === c.expected) return "ok";
  if (c.row.kind === "mutation" ? !refusal : carried) return "leak";
  return refusal ? "wrong code" : "error";
}

/** What a case is, in one line (for the list of failures). */
export const describeCase = (c: Case, res?: GraphQLResult) =>
  `${c.row.operation} as ${c.caller?.role ?? "no token"} (${c.caller?.home ?? "—"}) on ${c.aim?.unitCode ?? "—"}` +
  `${c.aim?.record ? ` record ${c.aim.record.id}` : ""} [${c.area}]: expected ${c.expected}, got ` +
  (res?.errors?.length
    ? res.errors.map((e) => `${e.extensions?.code}: ${e.message.slice(0, 160)}`).join(" | ")
    : `data ${JSON.stringify(res?.data).slice(0, 200)}`);
