import { helmPath, parseManifests, PRODUCTION_VALUES, renderNotes, tryRender } from "./helm";

// #17: the chart renders an object of an optional API (the Prometheus Operator's ServiceMonitor) only
// where the cluster serves its kind, as a real install needs (install.e2e.test.ts): offline,
// `helm template` renders it when told the API exists with --api-versions.

beforeAll(() => {
  helmPath();
}, 900_000);

const monitors = (args: string[]) => {
  const result = tryRender({ values: [PRODUCTION_VALUES], args });
  if (result.status !== 0) throw new Error(result.stderr);
  return parseManifests(result.stdout).filter((o) => o.kind === "ServiceMonitor");
};

describe("#17: the ServiceMonitor only where monitoring.coreos.com/v1 ServiceMonitor is served", () => {
  it("#17: without the API (helm template without a cluster, or a cluster without the CRD) it is skipped, and NOTES.txt says so and how to turn it off", () => {
    expect(monitors([])).toEqual([]);
    const notes = renderNotes({ values: [PRODUCTION_VALUES] });
    expect(notes).toContain("serves no monitoring.coreos.com/v1\nServiceMonitor");
    expect(notes).toContain("set metrics.serviceMonitor.enabled=false");
  });

  it("#17: rendered when the group/version is named (--api-versions monitoring.coreos.com/v1) or the kind itself", () => {
    expect(monitors(["--api-versions", "monitoring.coreos.com/v1"])).toHaveLength(1);
    expect(monitors(["--api-versions", "monitoring.coreos.com/v1/ServiceMonitor"])).toHaveLength(1);
    expect(
      renderNotes({ values: [PRODUCTION_VALUES], args: ["--api-versions", "monitoring.coreos.com/v1"] }),
    ).not.toContain("no ServiceMonitor was created");
  });

  it("#17: another kind of the same group is not enough (a cluster lists each served kind)", () => {
    expect(monitors(["--api-versions", "monitoring.coreos.com/v1/PrometheusRule"])).toEqual([]);
    expect(
      monitors([
        "--api-versions",
        "monitoring.coreos.com/v1",
        "--api-versions",
        "monitoring.coreos.com/v1/PrometheusRule",
      ]),
    ).toEqual([]);
  });

  it("#17: turned off, it is not rendered even where the API is served, and no warning", () => {
    const result = tryRender({
      values: [PRODUCTION_VALUES],
      set: ["metrics.serviceMonitor.enabled=false"],
      args: ["--api-versions", "monitoring.coreos.com/v1"],
    });
    expect(parseManifests(result.stdout).filter((o) => o.kind === "ServiceMonitor")).toEqual([]);
    expect(
      renderNotes({ values: [PRODUCTION_VALUES], set: ["metrics.serviceMonitor.enabled=false"] }),
    ).not.toContain("ServiceMonitor");
  });
});

describe("#17: label values the API server would refuse are refused by the values schema", () => {
  it.each([
    ["commonLabels.team=platform team", "commonLabels"],
    ["gateway.podLabels.owner=a/b", "podLabels"],
    [`subgraphDefaults.podLabels.x=${"a".repeat(64)}`, "podLabels"],
    ["metrics.serviceMonitor.labels.release=-prometheus", "labels"],
  ])("#17: --set %s is refused, naming %s", (assignment, path) => {
    const result = tryRender({ set: [assignment] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(path);
  });

  it("#17: valid label values and annotations with spaces are accepted", () => {
    const result = tryRender({
      set: [
        "commonLabels.team=platform-team_1.2",
        "gateway.podAnnotations.note=any text at all",
        "commonLabels.empty=",
      ],
    });
    expect([result.status, result.status === 0 ? "" : result.stderr]).toEqual([0, ""]);
  });
});
