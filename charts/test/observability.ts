import { join } from "node:path";
import type { K8sObject } from "./helm";
import { ROOT } from "./helm";
import { validateObject } from "./validate";

/**
 * A PrometheusRule (a CRD kubernetes-models lacks) against the fields of monitoring.coreos.com/v1 the
 * chart uses: unknown fields and wrong types are problems, as for the ServiceMonitor.
 */
export function prometheusRuleProblems(object: K8sObject): string[] {
  const problems: string[] = [];
  const closed = (
    value: unknown,
    pointer: string,
    allowed: Record<string, "string" | "object" | "array">,
  ) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problems.push(`${pointer}: must be an object`);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const type = allowed[key];
      if (!type) problems.push(`${pointer}/${key}: unknown field`);
      else if (type === "array" ? !Array.isArray(child) : typeof child !== type || Array.isArray(child))
        problems.push(`${pointer}/${key}: must be ${type}`);
    }
  };
  const stringMap = (value: unknown, pointer: string) => {
    if (value === undefined) return;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problems.push(`${pointer}: must be an object`);
      return;
    }
    for (const [key, child] of Object.entries(value))
      if (typeof child !== "string") problems.push(`${pointer}/${key}: must be string`);
  };
  closed(object, "", { apiVersion: "string", kind: "string", metadata: "object", spec: "object" });
  closed(object.spec, "/spec", { groups: "array" });
  for (const [g, group] of ((object.spec?.groups as unknown[]) ?? []).entries()) {
    closed(group, `/spec/groups/${g}`, { name: "string", interval: "string", rules: "array" });
    for (const [r, rule] of (((group as { rules?: unknown[] }).rules as unknown[]) ?? []).entries()) {
      const at = `/spec/groups/${g}/rules/${r}`;
      closed(rule, at, {
        alert: "string",
        record: "string",
        expr: "string",
        for: "string",
        labels: "object",
        annotations: "object",
      });
      const { alert, record, expr, for: pending } = rule as Record<string, unknown>;
      if (!alert === !record) problems.push(`${at}: exactly one of alert and record`);
      if (typeof expr !== "string" || !expr.trim()) problems.push(`${at}/expr: required`);
      if (pending !== undefined && !/^([0-9]+(ms|s|m|h|d|w|y))+$/.test(String(pending)))
        problems.push(`${at}/for: not a duration`);
      stringMap((rule as { labels?: unknown }).labels, `${at}/labels`);
      stringMap((rule as { annotations?: unknown }).annotations, `${at}/annotations`);
    }
  }
  // The metadata as the API server checks it, on a ConfigMap carrying it.
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
