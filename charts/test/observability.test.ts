import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHART, helmPath, PRODUCTION_VALUES, render, type Rendered } from "./helm";
import { metricNamesIn, prometheusRuleProblems, registeredMetricNames } from "./observability";
import { validateObject } from "./validate";

// #16: the on-call dashboard (a ConfigMap for Grafana's sidecar) and the PrometheusRule alerts,
// rendered offline and validated like the other templates; every metric they read is one the code
// registers, so renaming a metric fails here.

beforeAll(() => {
  helmPath();
}, 900_000);

const WITH_RULE_API = ["--api-versions", "monitoring.coreos.com/v1/PrometheusRule"];
const ofKind = (list: Rendered[], kind: string) => list.filter((o) => o.kind === kind);
const dashboardOf = (list: Rendered[]) =>
  list.find((o) => o.source === "grassroots/templates/grafana-dashboard.yaml");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const production = render({ values: [PRODUCTION_VALUES], args: WITH_RULE_API });
const [rule] = ofKind(production, "PrometheusRule");
const alerts: Json[] = rule?.spec.groups.flatMap((g: Json) => g.rules) ?? [];
const dashboard: Json = JSON.parse(dashboardOf(production)?.data["grassroots.json"] ?? "null");
const dashboardExprs: string[] = (dashboard?.panels ?? []).flatMap((p: Json) =>
  (p.targets ?? []).map((t: Json) => t.expr),
);

describe("#16: the Grafana dashboard", () => {
  it("#16: is off by default; on in the production values, a valid ConfigMap with the sidecar's label", () => {
    expect(dashboardOf(render())).toBeUndefined();
    const map = dashboardOf(production)!;
    expect(map.kind).toBe("ConfigMap");
    expect(validateObject(map)).toEqual([]);
    expect(map.metadata.labels?.grafana_dashboard).toBe("1");
    expect(map.metadata.annotations).toEqual({ grafana_folder: "Grassroots" });
  });

  it("#16: the sidecar's label key and value are values", () => {
    const map = dashboardOf(
      render({
        set: [
          "metrics.dashboard.enabled=true",
          "metrics.dashboard.label=team_dashboards",
          "metrics.dashboard.labelValue=on-call",
        ],
      }),
    )!;
    expect(map.metadata.labels?.team_dashboards).toBe("on-call");
    expect(map.metadata.labels?.grafana_dashboard).toBeUndefined();
  });

  it("#16: its JSON is the chart's file, parses, and has panels for every on-call metric", () => {
    expect(dashboard).toEqual(JSON.parse(readFileSync(join(CHART, "files/grafana-dashboard.json"), "utf8")));
    expect(dashboard.uid).toBe("grassroots-on-call");
    const read = new Set(dashboardExprs.flatMap(metricNamesIn));
    for (const name of [
      "outbox_oldest_pending_age_seconds",
      "events_consumer_lag_messages",
      "events_dlq_messages",
      "events_dead_lettered_total",
      "events_handler_retries_total",
      "events_consumed_total",
      "gateway_operation_duration_seconds_bucket",
      "gateway_operation_errors_total",
      "db_pool_waiting_clients",
      "db_pool_connections",
      "service_ready",
    ])
      expect([name, read.has(name)]).toEqual([name, true]);
    // Each panel by service (job) or by a bounded label of its own, and scoped to the chosen services.
    for (const expr of dashboardExprs) expect([expr, expr.includes('job=~"$job"')]).toEqual([expr, true]);
  });
});

describe("#16: the PrometheusRule alerts", () => {
  it("#16: rendered only where the API exists (offline: --api-versions), and only when switched on", () => {
    expect(ofKind(render({ values: [PRODUCTION_VALUES] }), "PrometheusRule")).toEqual([]);
    expect(ofKind(render({ args: WITH_RULE_API }), "PrometheusRule")).toEqual([]);
    expect(rule).toBeDefined();
    expect(rule.metadata.labels?.release).toBe("kube-prometheus-stack");
  });

  it("#16: is valid against the CRD's fields; the validator refuses unknown fields and a bad duration", () => {
    expect(prometheusRuleProblems(rule)).toEqual([]);
    const broken = {
      ...rule,
      spec: {
        groups: [{ name: "g", rules: [{ alert: "A", expr: "up", for: "ten minutes", severity: "x" }] }],
      },
    };
    expect(prometheusRuleProblems(broken)).toEqual([
      "/spec/groups/0/rules/0/severity: unknown field",
      "/spec/groups/0/rules/0/for: not a duration",
    ]);
  });

  it("#16: the on-call alerts, each with a summary, a description and a runbook", () => {
    const byName = Object.fromEntries(alerts.map((a: Json) => [a.alert, a]));
    expect(Object.keys(byName).sort()).toEqual([
      "GrassrootsConsumerLagGrowing",
      "GrassrootsDatabasePoolSaturated",
      "GrassrootsDeadLetterQueueNotEmpty",
      "GrassrootsGatewayServerErrors",
      "GrassrootsOutboxLagging",
      "GrassrootsSubgraphNotReady",
    ]);
    for (const alert of alerts) {
      expect([alert.alert, Object.keys(alert.annotations).sort()]).toEqual([
        alert.alert,
        ["description", "runbook", "summary"],
      ]);
      expect(alert.annotations.runbook.length).toBeGreaterThan(200);
      expect(alert.labels.severity).toMatch(/^(warning|critical)$/);
      expect(alert.expr).toContain('namespace="grassroots"');
    }
    expect(byName.GrassrootsOutboxLagging.expr).toMatch(/outbox_oldest_pending_age_seconds\{[^}]*\}\) > 60$/);
    expect(byName.GrassrootsConsumerLagGrowing.for).toBe("10m");
    expect(byName.GrassrootsGatewayServerErrors.expr).toContain('job="grassroots-gateway", status=~"5.."');
    for (const subgraph of ["organization", "personnel", "training", "finance", "evaluation"])
      expect(byName.GrassrootsSubgraphNotReady.expr).toContain(
        `absent(up{namespace="grassroots", job="grassroots-${subgraph}"})`,
      );
  });

  it("#16: thresholds are values", () => {
    const [custom] = ofKind(
      render({
        args: WITH_RULE_API,
        set: [
          "metrics.prometheusRule.enabled=true",
          "metrics.prometheusRule.outboxLagSeconds=300",
          "metrics.prometheusRule.consumerLagFor=30m",
        ],
      }),
      "PrometheusRule",
    );
    const rules: Json[] = custom.spec.groups.flatMap((g: Json) => g.rules);
    expect(rules.find((r) => r.alert === "GrassrootsOutboxLagging").expr).toMatch(/> 300$/);
    expect(rules.find((r) => r.alert === "GrassrootsConsumerLagGrowing").for).toBe("30m");
  });
});

describe("#16: every metric the dashboard and the alerts read is one the code registers", () => {
  const registered = registeredMetricNames();

  it("#16: the expression reader finds metric names, not functions, labels or keywords", () => {
    expect(
      metricNamesIn(
        'sum by (job) (rate(a_total{job=~"x|y", status=~"5.."}[5m])) / on (job) group_left sum(b_seconds) > 0 and absent(up{job="z"}) or c offset 1h',
      ).sort(),
    ).toEqual(["a_total", "b_seconds", "c", "up"]);
    expect(registered.has("outbox_oldest_pending_age_seconds")).toBe(true);
    expect(registered.has("gateway_operation_duration_seconds_bucket")).toBe(true);
    expect(registered.has("no_such_metric_total")).toBe(false);
  });

  it("#16: the dashboard's and the alerts' metric names are all registered (a rename fails here)", () => {
    const exprs = [...dashboardExprs, ...alerts.map((a: Json) => a.expr as string)];
    expect(exprs.length).toBeGreaterThan(25);
    const unknown = exprs.flatMap((expr) => metricNamesIn(expr).filter((name) => !registered.has(name)));
    expect(unknown).toEqual([]);
  });
});
