import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFINITIONS, OPERATIONS, PARAMS, SCENARIOS, type StepDef } from "../src/scenarios/definitions";
import { k6Export } from "../src/scenarios/export";
import { gatewayCost, loadApiSchema, validateOperations } from "../src/scenarios/supergraph";
import { idCheckCharacter, idNumberFor, type Json } from "../src/scenarios/template";
import { BENCH_ENV } from "../src/generate/suite";
import { GENERATION_OPERATIONS } from "../src/generate/api";
import { answerItems } from "../src/bench/data-sizes";

const K6 = resolve(__dirname, "../k6");

/** Names a template reads: "${name}" and the list/region of pick:, next:, idNumber:. */
function namesUsed(template: Json): string[] {
  if (typeof template === "string") {
    return [...template.matchAll(/\$\{([^}]+)\}/g)].flatMap(([, expr]) => {
      const [fn, ...args] = expr.split(":");
      if (["pick", "next", "idNumber"].includes(fn)) return [args[0]];
      if (["int", "oneOf", "uuid", "today", "thisYear"].includes(fn)) return [];
      return [fn];
    });
  }
  if (Array.isArray(template)) return template.flatMap(namesUsed);
  if (template && typeof template === "object") return Object.values(template).flatMap(namesUsed);
  return [];
}

/** The operation's declared variables: name → required (non-null without a default). */
function declaredVariables(document: string): Map<string, boolean> {
  const { graphql } = loadApiSchema() as unknown as { graphql: { parse(s: string): any } };
  const op = graphql
    .parse(document)
    .definitions.find((d: { kind: string }) => d.kind === "OperationDefinition");
  return new Map(
    (op.variableDefinitions ?? []).map((v: any) => [
      v.variable.name.value,
      v.type.kind === "NonNullType" && !v.defaultValue,
    ]),
  );
}

describe("scenario definitions", () => {
  it("has unique scenario names and sane loads, weights and thresholds", () => {
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) {
      expect(s.flows.length).toBeGreaterThan(0);
      expect(s.load.connections).toBeGreaterThanOrEqual(1);
      expect(s.load.durationSeconds).toBeGreaterThan(0);
      expect(s.load.durationSeconds).toBeLessThanOrEqual(600);
      expect(s.thresholds.maxErrorRate).toBeGreaterThanOrEqual(0);
      expect(s.thresholds.maxErrorRate).toBeLessThanOrEqual(1);
      for (const f of s.flows) {
        expect(f.weight).toBeGreaterThan(0);
        expect(f.steps.length).toBeGreaterThan(0);
      }
    }
  });

  it("uses only operations it defines, and each one's variables as it declares them", () => {
    for (const s of SCENARIOS) {
      const steps: StepDef[] = [
        ...s.setup,
        ...s.flows.flatMap((f) => f.steps),
        ...(s.verify ? [{ operation: s.verify.operation, variables: s.verify.variables }] : []),
      ];
      for (const step of steps) {
        expect(OPERATIONS).toHaveProperty([step.operation]);
        const declared = declaredVariables(OPERATIONS[step.operation].document);
        for (const name of Object.keys(step.variables))
          expect([s.name, step.operation, name, declared.has(name)]).toEqual([
            s.name,
            step.operation,
            name,
            true,
          ]);
        for (const [name, required] of declared) {
          if (required)
            expect([s.name, step.operation, name, name in step.variables]).toEqual([
              s.name,
              step.operation,
              name,
              true,
            ]);
        }
      }
      for (const check of s.listSizes ?? []) {
        expect(OPERATIONS).toHaveProperty([check.operation]);
        expect(check.small).not.toEqual(check.large);
        const declared = declaredVariables(OPERATIONS[check.operation].document);
        for (const name of [...Object.keys(check.small), ...Object.keys(check.large)])
          expect(declared.has(name)).toBe(true);
      }
    }
  });

  it("fills every template from a parameter, a setup capture or an earlier step's capture", () => {
    for (const s of SCENARIOS) {
      const known = new Set(Object.keys(PARAMS));
      for (const step of s.setup) {
        for (const name of namesUsed(step.variables))
          expect([s.name, step.operation, name, known.has(name)]).toEqual([
            s.name,
            step.operation,
            name,
            true,
          ]);
        Object.keys(step.capture ?? {}).forEach((n) => known.add(n));
      }
      expect(namesUsed(s.identity.home).every((n) => known.has(n))).toBe(true);
      for (const flow of s.flows) {
        const inFlow = new Set(known);
        for (const step of flow.steps) {
          for (const name of namesUsed(step.variables))
            expect([s.name, flow.name, step.operation, name, inFlow.has(name)]).toEqual([
              s.name,
              flow.name,
              step.operation,
              name,
              true,
            ]);
          Object.keys(step.capture ?? {}).forEach((n) => inFlow.add(n));
        }
      }
    }
  });

  it("validates every operation against the composed supergraph's API schema", () => {
    const errors = validateOperations();
    expect(Object.entries(errors).filter(([, e]) => e.length)).toEqual([]);
  });

  it("validates the generator's writes (lines, payments, units) against the supergraph too", () => {
    const errors = validateOperations(GENERATION_OPERATIONS);
    expect(Object.keys(errors).sort()).toEqual(Object.keys(GENERATION_OPERATIONS).sort());
    expect(Object.entries(errors).filter(([, e]) => e.length)).toEqual([]);
  });

  it("checks the finance and evaluation scenarios' statements at two data sizes, on an operation a flow sends", () => {
    const withDataSizes = SCENARIOS.filter((s) => s.dataSizes?.length).map((s) => s.name);
    expect(withDataSizes).toEqual(expect.arrayContaining(["city-budget-execution", "banner-scorecard"]));
    for (const s of SCENARIOS)
      for (const { operation } of s.dataSizes ?? [])
        expect([
          s.name,
          operation,
          s.flows.some((f) => f.steps.some((x) => x.operation === operation)),
        ]).toEqual([s.name, operation, true]);
    for (const name of ["city-budget-execution", "banner-scorecard"])
      expect(SCENARIOS.find((s) => s.name === name)?.thresholds.p95Ms).toBeGreaterThan(0);
  });

  it("counts an answer's list items at every depth (the data-size check's proof that the data grew)", () => {
    expect(answerItems({ a: [{ b: [1, 2] }, { b: [] }], c: { d: [3] } })).toBe(2 + 2 + 1);
    expect(answerItems(null)).toBe(0);
  });

  it("stays within the gateway's MAX_COST the benchmark sets", () => {
    for (const s of SCENARIOS) {
      for (const step of s.flows.flatMap((f) => f.steps)) {
        const cost = gatewayCost(step.operation, step.variables as Record<string, unknown>);
        if (cost !== null)
          expect([step.operation, cost <= Number(BENCH_ENV.MAX_COST)]).toEqual([step.operation, true]);
      }
    }
  });

  it("makes valid resident ID numbers (GB 11643) that do not repeat", () => {
    expect(idCheckCharacter("11010519491231002")).toBe("X");
    const numbers = Array.from({ length: 30000 }, (_, n) => idNumberFor("150621", n * 397));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const id of numbers.slice(0, 50)) expect(id).toMatch(/^150621(19[6-9]\d)\d{4}\d{3}[\dX]$/);
  });
});

describe("k6 scripts", () => {
  it("open a scenarios.json that is the current export of the definitions", () => {
    expect(readFileSync(resolve(K6, "scenarios.json"), "utf8")).toBe(k6Export());
  });

  it("exist for every scenario and name only scenarios of the export", () => {
    const exported = JSON.parse(readFileSync(resolve(K6, "scenarios.json"), "utf8")) as typeof DEFINITIONS;
    const scripts = readdirSync(K6).filter((f) => f.endsWith(".js") && f !== "lib.js");
    const named = scripts.map(
      (f) => /scenarioScript\(definitions, "([^"]+)"\)/.exec(readFileSync(resolve(K6, f), "utf8"))?.[1],
    );
    expect(named.every((n) => n && exported.scenarios.some((s) => s.name === n))).toBe(true);
    expect(new Set(named)).toEqual(new Set(exported.scenarios.map((s) => s.name)));
    // Every operation a scenario sends is in the export (validated against the supergraph above).
    for (const s of exported.scenarios) {
      for (const step of [...s.setup, ...s.flows.flatMap((f) => f.steps)])
        expect(exported.operations).toHaveProperty([step.operation]);
    }
  });
});
