import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import {
  api,
  eventually,
  get,
  kubeHelm,
  kubeHelmOk,
  objectPath,
  startCluster,
  stopCluster,
  type Cluster,
} from "./cluster";
import {
  CHART,
  helmPath,
  parseManifests,
  PRODUCTION_VALUES,
  ROOT,
  tryRender,
  valuesFile,
  type Rendered,
} from "./helm";

// #17: the chart installed, upgraded and rolled back on a real control plane (infra/k8s.sh:
// Kubernetes v1.37.2's API server, controller manager and scheduler on etcd, kwok's fake nodes that
// report pods Running and Jobs complete). The API server validates and defaults every object, which
// `helm template` does not. Each test has its own namespace.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const KUBERNETES_VERSION = "v1.37.2";
const SUBGRAPHS: string[] = Object.keys(parse(readFileSync(join(CHART, "values.yaml"), "utf8")).subgraphs);
const SERVICES = ["gateway", ...SUBGRAPHS];
const CRD = join(__dirname, "fixtures/servicemonitor-crd.yaml");
// Unique per run, so that a rerun against a cluster left running does not meet old releases.
const RUN = Date.now().toString(36);
const namespaceOf = (test: string) => `t17-${test}-${RUN}`;

// Installs wait for hooks and rollouts on a shared 2-core machine.
jest.setTimeout(900_000);

let cluster: Cluster | undefined;
const times: Record<string, number> = {};

beforeAll(() => {
  helmPath();
  const start = Date.now();
  cluster = startCluster();
  times["control plane ready (build and start if needed)"] = Date.now() - start;
}, 2_700_000);

afterAll(() => {
  stopCluster(cluster);
  const dir = join(ROOT, ".local/k8s");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "install-times.json"), JSON.stringify(times, null, 2));
});

const c = () => cluster!;
const timed = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
  const start = Date.now();
  try {
    return await run();
  } finally {
    times[name] = Date.now() - start;
  }
};

/** Exit 0; stderr is shown on failure (helm warns there that files/supergraph.graphql is a symlink). */
const expectOk = (result: { status: number; stderr: string }) =>
  expect([result.status, result.status === 0 ? "" : result.stderr]).toEqual([0, ""]);

const INSTALL_FLAGS = ["--wait", "--wait-for-jobs", "--timeout", "8m"];

function install(release: string, namespace: string, args: string[] = []) {
  return kubeHelm(c(), [
    "install",
    release,
    CHART,
    "--namespace",
    namespace,
    "--create-namespace",
    ...INSTALL_FLAGS,
    ...args,
  ]);
}

/** What the release holds (helm get manifest), as objects. */
function manifest(release: string, namespace: string, revision?: number): Rendered[] {
  const args = ["get", "manifest", release, "--namespace", namespace];
  if (revision) args.push("--revision", String(revision));
  return parseManifests(kubeHelmOk(c(), args));
}

function status(release: string, namespace: string): Json {
  return JSON.parse(kubeHelmOk(c(), ["status", release, "--namespace", namespace, "--output", "json"]));
}

const deployments = async (namespace: string): Promise<Json[]> =>
  (await get(c(), `/apis/apps/v1/namespaces/${namespace}/deployments`)).items;

const componentOf = (o: Json): string => o.metadata.labels?.["app.kubernetes.io/component"];

/** Every object of the release is on the server, as the API server stored (and defaulted) it. */
async function expectAllAccepted(release: string, namespace: string): Promise<Rendered[]> {
  const objects = manifest(release, namespace);
  expect(objects.length).toBeGreaterThan(0);
  const missing: string[] = [];
  for (const o of objects) {
    const res = await api(c(), "GET", objectPath(o, namespace));
    if (res.status !== 200) missing.push(`${o.kind} ${o.metadata.name}: ${res.status}`);
    // defaulted by the API server: uid, creationTimestamp
    else expect(res.body.metadata.uid).toBeTruthy();
  }
  expect(missing).toEqual([]);
  return objects;
}

/** Every Deployment of the release has all its replicas available and its rollout done. */
async function expectAvailable(namespace: string, services: string[]): Promise<Json[]> {
  const list = await deployments(namespace);
  expect(list.map(componentOf).sort()).toEqual([...services].sort());
  for (const d of list) {
    const available = d.status.conditions?.find((x: Json) => x.type === "Available");
    expect([d.metadata.name, available?.status]).toEqual([d.metadata.name, "True"]);
    expect(d.status.availableReplicas).toBe(d.spec.replicas);
    expect(d.status.updatedReplicas).toBe(d.spec.replicas);
    expect(d.status.observedGeneration).toBe(d.metadata.generation);
  }
  const pods = (await get(c(), `/api/v1/namespaces/${namespace}/pods`)).items as Json[];
  const running = pods.filter((p) => !p.metadata.labels?.["job-name"]);
  expect(running.length).toBeGreaterThanOrEqual(list.length);
  for (const p of running)
    expect([p.metadata.name, p.status.phase, p.spec.nodeName]).toEqual([
      p.metadata.name,
      "Running",
      expect.stringMatching(/^kwok-node-/),
    ]);
  return list;
}

/** Helm ran every hook, and each hook Job completed on the cluster (the Job controller's event). */
async function expectHooksCompleted(release: string, namespace: string, revisionHooks: string[]) {
  const hooks = status(release, namespace).hooks as Json[];
  const jobs = hooks
    .filter((h) => h.kind === "Job")
    .map((h) => h.name)
    .sort();
  expect(jobs).toEqual([...revisionHooks].sort());
  for (const h of hooks) expect([h.kind, h.name, h.last_run.phase]).toEqual([h.kind, h.name, "Succeeded"]);
  // The Jobs themselves are deleted on success (hook-delete-policy); their events stay.
  const events = (await get(c(), `/api/v1/namespaces/${namespace}/events`)).items as Json[];
  const completed = new Set(
    events
      .filter((e) => e.involvedObject.kind === "Job" && e.reason === "Completed")
      .map((e) => e.involvedObject.name),
  );
  for (const job of jobs) expect([job, completed.has(job)]).toEqual([job, true]);
}

const hookJobNames = (values: string[], set: string[] = []): string[] => {
  const result = tryRender({ values, set });
  if (result.status !== 0) throw new Error(result.stderr);
  return parseManifests(result.stdout)
    .filter((o) => o.kind === "Job" && o.metadata.annotations?.["helm.sh/hook"])
    .map((o) => o.metadata.name);
};

describe("#17: the chart on a real control plane", () => {
  it("#17: the control plane is Kubernetes v1.37.2 with ready kwok nodes", async () => {
    const version = await get(c(), "/version");
    expect(version.gitVersion).toBe(KUBERNETES_VERSION);
    const nodes = (await get(c(), "/api/v1/nodes")).items as Json[];
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes)
      expect(n.status.conditions.find((x: Json) => x.type === "Ready")?.status).toBe("True");
    // helm sees the same version (its kubeVersion check of the chart uses it)
    expect(kubeHelmOk(c(), ["version", "--short"])).toBeTruthy();
  });

  it("#17: helm install of the default values: every object accepted, hook Jobs completed, Deployments available", async () => {
    const ns = namespaceOf("default");
    const result = await timed("install default values", () => install("grassroots", ns));
    expectOk(result);
    await expectAllAccepted("grassroots", ns);
    await expectHooksCompleted("grassroots", ns, hookJobNames([]));
    await expectAvailable(ns, SERVICES);
    expect(status("grassroots", ns).info.status).toBe("deployed");
  });

  it("#17: helm install of the production values on a cluster without the Prometheus Operator: the ServiceMonitor is skipped, with a warning; the rest is accepted", async () => {
    const ns = namespaceOf("production");
    // the same values render the ServiceMonitor when the API is there (helm template --api-versions)
    const offline = tryRender({
      values: [PRODUCTION_VALUES],
      args: ["--api-versions", "monitoring.coreos.com/v1"],
    });
    expect(parseManifests(offline.stdout).filter((o) => o.kind === "ServiceMonitor")).toHaveLength(1);
    const result = await timed("install production values", () =>
      install("grassroots", ns, ["--values", PRODUCTION_VALUES]),
    );
    expectOk(result);
    expect(result.stdout).toContain("no ServiceMonitor was created");
    expect(result.stdout).toContain("metrics.serviceMonitor.enabled=false");
    const objects = await expectAllAccepted("grassroots", ns);
    expect(objects.filter((o) => o.kind === "ServiceMonitor")).toEqual([]);
    for (const kind of ["HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress"])
      expect([kind, objects.some((o) => o.kind === kind)]).toEqual([kind, true]);
    await expectHooksCompleted("grassroots", ns, hookJobNames([PRODUCTION_VALUES]));
    await expectAvailable(ns, SERVICES);
  });

  it("#17: with the ServiceMonitor CRD installed, the production install creates the ServiceMonitor", async () => {
    const ns = namespaceOf("monitor");
    const crd = parseAllDocuments(readFileSync(CRD, "utf8"))[0].toJS();
    const created = await api(c(), "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
    expect([201, 409]).toContain(created.status);
    try {
      await eventually("the CRD is established", async () => {
        const got = await get(
          c(),
          `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`,
        );
        return (
          got.status?.conditions?.some((x: Json) => x.type === "Established" && x.status === "True") ||
          undefined
        );
      });
      const result = await timed("install production values with the ServiceMonitor CRD", () =>
        install("grassroots", ns, ["--values", PRODUCTION_VALUES]),
      );
      expectOk(result);
      expect(result.stdout).not.toContain("no ServiceMonitor was created");
      const monitors = (await get(c(), `/apis/monitoring.coreos.com/v1/namespaces/${ns}/servicemonitors`))
        .items as Json[];
      expect(monitors.map((m) => m.metadata.name)).toEqual(["grassroots"]);
      expect(monitors[0].spec.endpoints[0].path).toBe("/metrics");
      expect(monitors[0].metadata.labels.release).toBe("kube-prometheus-stack");
    } finally {
      // cluster-wide: leave the cluster as the other tests expect it (no operator)
      kubeHelm(c(), ["uninstall", "grassroots", "--namespace", ns, "--wait"]);
      await api(
        c(),
        "DELETE",
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`,
      );
    }
  });

  describe("#17: upgrade and rollback", () => {
    const ns = namespaceOf("upgrade");
    const gatewayOf = async () => (await deployments(ns)).find((d) => componentOf(d) === "gateway");
    const replicaSets = async (component: string): Promise<Json[]> =>
      (await get(c(), `/apis/apps/v1/namespaces/${ns}/replicasets`)).items.filter(
        (r: Json) => componentOf(r) === component,
      );
    let first: { checksum: string; generations: Record<string, number>; replicaSet: string };

    beforeAll(async () => {
      const result = await timed("install for the upgrade", () => install("grassroots", ns));
      if (result.status !== 0) throw new Error(`install failed:\n${result.stderr}`);
      const list = await deployments(ns);
      const gateway = list.find((d) => componentOf(d) === "gateway");
      const [rs] = await replicaSets("gateway");
      first = {
        checksum: gateway.spec.template.metadata.annotations["checksum/supergraph"],
        generations: Object.fromEntries(list.map((d) => [componentOf(d), d.metadata.generation])),
        replicaSet: rs.metadata.name,
      };
    }, 900_000);

    it("#17: helm upgrade with a changed supergraph rolls the gateway (new pod template checksum, a new ReplicaSet), and only the gateway", async () => {
      const supergraph = readFileSync(join(CHART, "files/supergraph.graphql"), "utf8");
      const changed = valuesFile(`${supergraph}\n# changed for the upgrade test of issue 17\n`);
      const result = await timed("upgrade with a changed supergraph", () =>
        kubeHelm(c(), [
          "upgrade",
          "grassroots",
          CHART,
          "--namespace",
          ns,
          ...INSTALL_FLAGS,
          "--set-file",
          `gateway.supergraph=${changed}`,
        ]),
      );
      expectOk(result);
      expect(status("grassroots", ns).version).toBe(2);
      const gateway = await gatewayOf();
      expect(gateway.spec.template.metadata.annotations["checksum/supergraph"]).not.toBe(first.checksum);
      const sets = await replicaSets("gateway");
      expect(sets).toHaveLength(2);
      const current = sets.find((r) => r.metadata.name !== first.replicaSet);
      expect(current.status.availableReplicas).toBe(gateway.spec.replicas);
      expect(sets.find((r) => r.metadata.name === first.replicaSet).spec.replicas).toBe(0);
      const config = await get(c(), `/api/v1/namespaces/${ns}/configmaps/grassroots-supergraph`);
      expect(config.data["supergraph.graphql"]).toContain("changed for the upgrade test of issue 17");
      // the subgraphs' pod templates did not change
      for (const d of await deployments(ns))
        if (componentOf(d) !== "gateway")
          expect([componentOf(d), d.metadata.generation]).toEqual([
            componentOf(d),
            first.generations[componentOf(d)],
          ]);
      await expectAvailable(ns, SERVICES);
      await expectHooksCompleted("grassroots", ns, hookJobNames([]));
    });

    it("#17: helm rollback to revision 1 returns revision 1's values and pod template (the first ReplicaSet again)", async () => {
      const result = await timed("rollback to revision 1", () =>
        kubeHelm(c(), [
          "rollback",
          "grassroots",
          "1",
          "--namespace",
          ns,
          "--wait",
          "--wait-for-jobs",
          "--timeout",
          "8m",
        ]),
      );
      expectOk(result);
      const after = status("grassroots", ns);
      expect([after.version, after.info.status]).toEqual([3, "deployed"]);
      const values = (revision: number) =>
        JSON.parse(
          kubeHelmOk(c(), [
            "get",
            "values",
            "grassroots",
            "--namespace",
            ns,
            "--revision",
            String(revision),
            "--output",
            "json",
          ]),
        );
      expect(values(3)).toEqual(values(1));
      expect(values(2).gateway.supergraph).toContain("changed for the upgrade test");
      const gateway = await gatewayOf();
      expect(gateway.spec.template.metadata.annotations["checksum/supergraph"]).toBe(first.checksum);
      const sets = await replicaSets("gateway");
      const active = sets.filter((r) => r.spec.replicas > 0).map((r) => r.metadata.name);
      expect(active).toEqual([first.replicaSet]);
      const config = await get(c(), `/api/v1/namespaces/${ns}/configmaps/grassroots-supergraph`);
      expect(config.data["supergraph.graphql"]).not.toContain("changed for the upgrade test");
      expect(manifest("grassroots", ns, 3).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
        manifest("grassroots", ns, 1).map((o) => `${o.kind}/${o.metadata.name}`),
      );
      await expectAvailable(ns, SERVICES);
    });
  });

  it("#17: a label value with spaces: the API server refuses it (metadata.labels: Invalid value), and the chart's schema now refuses it first, naming the value", async () => {
    const ns = namespaceOf("labels");
    const set = ["--set", "commonLabels.team=platform team"];
    // the chart refuses it before anything is sent
    const refused = tryRender({ set: ["commonLabels.team=platform team"] });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("commonLabels");
    const early = await timed("install refused by the values schema", () => install("grassroots", ns, set));
    expect(early.status).not.toBe(0);
    expect(early.stderr).toContain("commonLabels");
    expect(kubeHelm(c(), ["status", "grassroots", "--namespace", ns]).status).not.toBe(0);
    // without the schema check, helm template accepts it and the API server is the one to refuse
    const rendered = tryRender({
      set: ["commonLabels.team=platform team"],
      args: ["--skip-schema-validation"],
    });
    expect(rendered.status).toBe(0);
    const late = await timed("install refused by the API server", () =>
      install("grassroots", ns, [...set, "--skip-schema-validation"]),
    );
    expect(late.status).not.toBe(0);
    expect(late.stderr).toMatch(/metadata\.labels: Invalid value: "platform team"/);
    // nothing of the chart's was made with that label
    const configs = (
      await get(
        c(),
        `/api/v1/namespaces/${ns}/configmaps?labelSelector=app.kubernetes.io/instance%3Dgrassroots`,
      )
    ).items;
    expect(configs).toEqual([]);
  });
});
