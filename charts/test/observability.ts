import { join } from "node:path";
import type { K8sObject } from "./helm";
import { ROOT } from "./helm";
import { validateObject } from "./validate";

/** The shape of a field: a scalar type, a map of strings, an array of one shape, or a closed object. */
type Shape = "string" | "strings" | "any" | [Shape] | { [field: string]: Shape };

/** The fields of monitoring.coreos.com/v1 PrometheusRule the chart uses (the CRD's names and types). */
const PROMETHEUS_RULE: Shape = {
  apiVersion: "string",
  kind: "string",
  metadata: "any",
  spec: {
    groups: [
      {
        name: "string",
        interval: "string",
        rules: [
          {
            alert: "string",
            record: "string",
            expr: "string",
            for: "string",
            labels: "strings",
            annotations: "strings",
          },
        ],
      },
    ],
  },
};

function shapeProblems(value: unknown, shape: Shape, pointer: string): string[] {
  if (shape === "any") return [];
  if (shape === "string") return typeof value === "string" ? [] : [`${pointer}: must be string`];
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (shape === "strings") {
    if (!isObject) return [`${pointer}: must be an object`];
    return Object.entries(value).flatMap(([k, v]) =>
      typeof v === "string" ? [] : [`${pointer}/${k}: must be string`],
    );
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${pointer}: must be array`];
    return value.flatMap((item, i) => shapeProblems(item, shape[0], `${pointer}/${i}`));
  }
  if (!isObject) return [`${pointer}: must be an object`];
  return Object.entries(value).flatMap(([k, v]) =>
    shape[k] === undefined
      ? [`${pointer}/${k}: unknown field`]
      : shapeProblems(v, shape[k], `${pointer}/${k}`),
  );
}

/**
 * A PrometheusRule (a CRD kubernetes-models lacks) against the CRD's fields the chart uses: unknown
 * fields and wrong types are problems, as for the ServiceMonitor; each rule is an alert or a record
 * with an expression, `for` a Prometheus duration; the metadata as the API server checks it.
 */
export function prometheusRuleProblems(object: K8sObject): string[] {
  const problems = shapeProblems(object, PROMETHEUS_RULE, "");
  for (const [g, group] of ((object.spec?.groups as { rules?: Record<string, unknown>[] }[]) ?? []).entries())
    for (const [r, rule] of (group.rules ?? []).entries()) {
      const at = `/spec/groups/${g}/rules/${r}`;
      if (!rule.alert === !rule.record) problems.push(`${at}: exactly one of alert and record`);
      if (typeof rule.expr !== "string" || !rule.expr.trim()) problems.push(`${at}/expr: required`);
      if (rule.for !== undefined && !/^([0-9]+(ms|s|m|h|d|w|y))+$/.test(String(rule.for)))
        problems.push(`${at}/for: not a duration`);
    }
  const carrier = { apiVersion: "v1", kind: "ConfigMap", metadata: object.metadata };
  problems.push(...validateObject(carrier).map((problem) => `(metadata) ${problem}`));
  return problems;
}

const KEYWORDS = new Set([
  "and",
  "or",
  "unless",
  "offset",
  "bool",
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
]);

/** The metric names a PromQL expression reads (not its functions, labels, strings or durations). */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names = new Set<string>();
  for (const match of bare.matchAll(/(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const after = bare.slice(match.index! + match[0].length);
    if (/^\s*\(/.test(after) || KEYWORDS.has(match[0])) continue;
    names.add(match[0]);
  }
  return [...names];
}

interface MetricRegistry {
  getMetricsAsArray(): { name: string; type: string }[];
}

/**
 * Every sample name the services really export: the registry of the built kit after loading the
 * events package's and the gateway's metric modules (so build kit, events and gateway first), with
 * a histogram's _bucket, _sum and _count; plus `up`, which Prometheus adds to every target.
 */
export function registeredMetricNames(): Set<string> {
  const load = (path: string) => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(join(ROOT, path)) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${path} is not built (pnpm --filter <package> build): ${(error as Error).message}`);
    }
  };
  const kit = load("packages/kit/dist/index.js");
  load("packages/kit/dist/db/pool-metrics.js");
  load("packages/events/dist/outbox/relay-metrics.js");
  load("packages/events/dist/inbox/consumer-metrics.js");
  load("gateway/dist/server/gateway-metrics.js");
  const names = new Set(["up"]);
  for (const { name, type } of (kit.metricsRegistry as MetricRegistry).getMetricsAsArray()) {
    names.add(name);
    if (type === "histogram" || type === "summary")
      for (const s of ["_bucket", "_sum", "_count"]) names.add(name + s);
  }
  return names;
}
