import { readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { isMap, isPair, isScalar, isSeq, parse, parseDocument, type Node } from "yaml";
import {
  CHART,
  KUBE_VERSION,
  lint,
  PRODUCTION_VALUES,
  render,
  renderNotes,
  ROOT,
  tryRender,
  valuesFile,
  helmPath,
  type Rendered,
} from "./helm";
import { unknownFields, modelFor, validateObject } from "./validate";

// Offline checks of the chart: helm lint, helm template, every object against the Kubernetes API
// schema, and the rules the issue sets. Helm comes from infra/helm.sh (built once, then reused).

beforeAll(() => {
  helmPath();
}, 900_000);

const VALUES = {
  default: [] as string[],
  production: [PRODUCTION_VALUES],
};
type ValuesName = keyof typeof VALUES;
const VALUES_NAMES = Object.keys(VALUES) as ValuesName[];

// #13: every per-service check goes over these, never a hand-written few: the subgraphs are the
// keys of values.yaml's `subgraphs` (checked below to be the gateway's, gateway/subgraphs.json).
const SUBGRAPHS: string[] = Object.keys(parse(readFileSync(join(CHART, "values.yaml"), "utf8")).subgraphs);
const SERVICES = ["gateway", ...SUBGRAPHS];
const sorted = (names: string[]) => [...names].sort();

// #17: rendered as for a cluster that serves the Prometheus Operator's API (the chart skips the
// ServiceMonitor where it is missing: install.e2e.test.ts).
const MONITORING_API = ["--api-versions", "monitoring.coreos.com/v1"];
const rendered = new Map<ValuesName, Rendered[]>();
function objects(name: ValuesName): Rendered[] {
  if (!rendered.has(name)) rendered.set(name, render({ values: VALUES[name], args: MONITORING_API }));
  return rendered.get(name)!;
}

const ofKind = (list: Rendered[], kind: string) => list.filter((o) => o.kind === kind);
const component = (o: Rendered) => o.metadata.labels?.["app.kubernetes.io/component"];
const isHook = (o: Rendered) => Boolean(o.metadata.annotations?.["helm.sh/hook"]);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("the services", () => {
  it("the chart's subgraphs are the ones the gateway composes (gateway/subgraphs.json), on the same ports", () => {
    const composed: { name: string; url: string }[] = JSON.parse(
      readFileSync(join(ROOT, "gateway/subgraphs.json"), "utf8"),
    );
    const values = parse(readFileSync(join(CHART, "values.yaml"), "utf8"));
    expect(SUBGRAPHS).toEqual(composed.map((s) => s.name));
    for (const { name, url } of composed)
      expect([name, values.subgraphs[name].enabled, values.subgraphs[name].port]).toEqual([
        name,
        true,
        Number(new URL(url).port),
      ]);
  });
});

describe("helm lint --strict", () => {
  it.each(VALUES_NAMES)("passes with the %s values", (name) => {
    const result = lint(VALUES[name]);
    expect(result.stderr + result.stdout).toContain("1 chart(s) linted, 0 chart(s) failed");
    expect(result.status).toBe(0);
  });
});

describe(`rendered objects against the Kubernetes ${KUBE_VERSION} API schema (kubernetes-models)`, () => {
  it("the validator rejects unknown fields and wrong types, which kubernetes-models alone lets through", () => {
    const deployment: Json = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "x", labels: { any: "label" } },
      spec: {
        selector: { matchLabels: { a: "b" } },
        replica: 2,
        template: {
          metadata: { labels: { a: "b" } },
          spec: {
            containers: [
              { name: "c", image: "i", imagePullPolicyy: "Always", resources: { limits: { cpu: "1" } } },
            ],
          },
        },
      },
    };
    const Deployment = modelFor("apps/v1", "Deployment")!;
    expect(() => new Deployment(deployment).validate()).not.toThrow(); // kubernetes-models alone: accepted
    expect(unknownFields(Deployment, deployment)).toEqual([
      "/spec/replica",
      "/spec/template/spec/containers/0/imagePullPolicyy",
    ]);
    const { replica: _replica, ...spec } = deployment.spec;
    expect(validateObject({ ...deployment, spec: { ...spec, replicas: "2" } })).toEqual([
      expect.stringContaining("replicas must be integer"),
      "/spec/template/spec/containers/0/imagePullPolicyy: unknown field",
    ]);
    expect(validateObject({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } })).toEqual(
      [expect.stringContaining("no Kubernetes")],
    );
  });

  it.each(VALUES_NAMES)(
    "every object rendered with the %s values is valid, with no unknown field",
    (name) => {
      const list = objects(name);
      expect(list.length).toBeGreaterThan(20);
      // with every service on: the gateway and all five subgraphs, each with its own objects
      for (const kind of ["Deployment", "Service", "ConfigMap", "ServiceAccount", "NetworkPolicy"])
        expect([kind, ofKind(list, kind).map((o) => o.metadata.name)]).toEqual([
          kind,
          expect.arrayContaining(SERVICES.map((s) => `grassroots-${s}`)),
        ]);
      const problems = list.flatMap((o) =>
        validateObject(o).map((p) => `${o.kind} ${o.metadata.name}: ${p}`),
      );
      expect(problems).toEqual([]);
    },
  );

  it("a ServiceMonitor (a CRD kubernetes-models lacks) is checked against the fields the chart uses", () => {
    const monitor = ofKind(objects("production"), "ServiceMonitor")[0];
    expect(monitor).toBeDefined();
    expect(validateObject(monitor)).toEqual([]);
    const broken = { ...monitor, spec: { ...monitor.spec, endpoints: [{ port: "http", intervall: "30s" }] } };
    expect(validateObject(broken)).toEqual(["/spec/endpoints/0/intervall: unknown field"]);
    const badAuth = {
      ...monitor,
      spec: {
        ...monitor.spec,
        endpoints: [{ port: "http", authorization: { credentials: { secret: "x" } } }],
      },
    };
    expect(validateObject(badAuth)).toEqual([
      "/spec/endpoints/0/authorization/credentials/secret: unknown field",
    ]);
  });
});

describe("the chart's conventions", () => {
  it.each(VALUES_NAMES)("every object has the app.kubernetes.io labels (%s values)", (name) => {
    for (const o of objects(name)) {
      const labels = o.metadata.labels ?? {};
      for (const key of ["name", "instance", "version", "component", "part-of", "managed-by"]) {
        expect([o.kind, o.metadata.name, key, labels[`app.kubernetes.io/${key}`]]).toEqual([
          o.kind,
          o.metadata.name,
          key,
          expect.any(String),
        ]);
      }
      expect(o.metadata.name.startsWith("grassroots")).toBe(true);
    }
  });

  it("each template file renders one kind of object", () => {
    const kinds = new Map<string, Set<string>>();
    for (const o of [...objects("default"), ...objects("production")]) {
      expect(o.source).toMatch(/^grassroots\/templates\/[a-z-]+\.yaml$/);
      kinds.set(o.source, (kinds.get(o.source) ?? new Set()).add(o.kind));
    }
    for (const [source, set] of kinds) expect([source, [...set]]).toEqual([source, [expect.any(String)]]);
  });

  it("every helper is namespaced", () => {
    const helpers = readFileSync(join(CHART, "templates/_helpers.tpl"), "utf8");
    const defines = [...helpers.matchAll(/define "([^"]+)"/g)].map((m) => m[1]);
    expect(defines.length).toBeGreaterThan(10);
    for (const name of defines) expect(name).toMatch(/^grassroots\./);
  });
});

describe("Deployments", () => {
  it.each(VALUES_NAMES)(
    "have the three probes, resources, the securityContext, a token-less ServiceAccount (%s values)",
    (name) => {
      const list = objects(name);
      const deployments = ofKind(list, "Deployment");
      expect(deployments.map(component).sort()).toEqual(sorted(SERVICES));
      for (const d of deployments) {
        const pod = d.spec.template.spec;
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.securityContext).toMatchObject({
          runAsNonRoot: true,
          seccompProfile: { type: "RuntimeDefault" },
        });
        const account = list.find(
          (o) => o.kind === "ServiceAccount" && o.metadata.name === pod.serviceAccountName,
        );
        expect(account?.automountServiceAccountToken).toBe(false);
        expect(pod.containers).toHaveLength(1);
        const [container] = pod.containers;
        expect(container.startupProbe.httpGet).toEqual({ path: "/health/live", port: "http" });
        expect(container.livenessProbe.httpGet).toEqual({ path: "/health/live", port: "http" });
        expect(container.readinessProbe.httpGet).toEqual({ path: "/health/ready", port: "http" });
        expect(container.resources).toMatchObject({
          requests: { cpu: expect.anything(), memory: expect.anything() },
          limits: { memory: expect.anything() },
        });
        expect(container.securityContext).toEqual(
          expect.objectContaining({
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            privileged: false,
            capabilities: { drop: ["ALL"] },
          }),
        );
        // Secrets only by reference; no literal value in the pod spec.
        for (const env of container.env) expect(env.valueFrom?.secretKeyRef ?? env.value).toBeDefined();
      }
    },
  );

  it.each(VALUES_NAMES)(
    "roll without losing capacity and outlast the drain on termination (%s values)",
    (name) => {
      const list = objects(name);
      for (const d of ofKind(list, "Deployment")) {
        expect(d.spec.strategy).toMatchObject({
          type: "RollingUpdate",
          rollingUpdate: { maxUnavailable: 0 },
        });
        const pod = d.spec.template.spec;
        const config = list.find(
          (o) => o.kind === "ConfigMap" && o.metadata.name === pod.containers[0].envFrom[0].configMapRef.name,
        );
        const drainMs = Number(config?.data.SHUTDOWN_TIMEOUT_MS);
        const preStop = Number(pod.containers[0].lifecycle?.preStop?.exec?.command?.[1] ?? 0);
        expect(drainMs).toBeGreaterThan(0);
        expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(drainMs + preStop * 1000);
      }
    },
  );

  it("#10.9: in a pod every service listens on all of the pod's interfaces (HOST; loopback is the processes' default)", () => {
    for (const name of VALUES_NAMES) {
      for (const d of ofKind(objects(name), "Deployment")) {
        const ref = d.spec.template.spec.containers[0].envFrom[0].configMapRef.name;
        const config = objects(name).find((o) => o.kind === "ConfigMap" && o.metadata.name === ref);
        expect([component(d), config?.data.HOST]).toEqual([component(d), "0.0.0.0"]);
      }
    }
  });

  it("each service's Node heap is a share of its memory limit (NODE_OPTIONS), off at 0, its own env wins", () => {
    const heapOf = (list: Rendered[]): Record<string, { limit: string; options?: string }> =>
      Object.fromEntries(
        ofKind(list, "Deployment").map((d) => {
          const pod = d.spec.template.spec;
          const config = list.find(
            (o) =>
              o.kind === "ConfigMap" && o.metadata.name === pod.containers[0].envFrom[0].configMapRef.name,
          );
          return [
            component(d),
            { limit: pod.containers[0].resources.limits.memory, options: config?.data.NODE_OPTIONS },
          ];
        }),
      );
    for (const name of VALUES_NAMES) {
      expect(sorted(Object.keys(heapOf(objects(name))))).toEqual(sorted(SERVICES));
      for (const { limit, options } of Object.values(heapOf(objects(name)))) {
        const mi = /Gi$/.test(limit) ? parseInt(limit) * 1024 : parseInt(limit);
        expect(options).toBe(`--max-old-space-size=${Math.floor((mi * 70) / 100)}`);
      }
    }
    const off = heapOf(render({ set: ["heapPercentOfMemoryLimit=0"] }));
    expect(Object.values(off).every((s) => s.options === undefined)).toBe(true);
    const own = heapOf(
      render({
        set: ["gateway.env.NODE_OPTIONS=--max-old-space-size=100", "gateway.resources.limits.memory=1Gi"],
      }),
    );
    expect(own.gateway.options).toBe("--max-old-space-size=100");
    expect(own.organization.options).toBe("--max-old-space-size=358");
  });

  it("a grace period no longer than the drain is refused", () => {
    const result = tryRender({
      set: ["subgraphDefaults.terminationGracePeriodSeconds=10", "subgraphDefaults.shutdownTimeoutMs=10000"],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("terminationGracePeriodSeconds (10 s) must be longer than");
  });

  it("HPA and PDB are switchable per service; with the HPA on, the Deployment leaves replicas to it", () => {
    expect(ofKind(objects("default"), "HorizontalPodAutoscaler")).toEqual([]);
    expect(ofKind(objects("default"), "PodDisruptionBudget")).toEqual([]);
    const production = objects("production");
    expect(ofKind(production, "HorizontalPodAutoscaler").map(component).sort()).toEqual(sorted(SERVICES));
    expect(ofKind(production, "PodDisruptionBudget").map(component).sort()).toEqual(sorted(SERVICES));
    for (const d of ofKind(production, "Deployment")) {
      const hpa = ofKind(production, "HorizontalPodAutoscaler").find((h) => component(h) === component(d))!;
      expect(hpa.spec.scaleTargetRef).toEqual({
        apiVersion: "apps/v1",
        kind: "Deployment",
        name: d.metadata.name,
      });
      const pdb = ofKind(production, "PodDisruptionBudget").find((p) => component(p) === component(d))!;
      expect(pdb.spec.selector.matchLabels).toEqual(d.spec.selector.matchLabels);
    }
    for (const d of ofKind(production, "Deployment")) expect(d.spec.replicas).toBeUndefined();
    for (const h of ofKind(production, "HorizontalPodAutoscaler"))
      expect(h.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const one = render({
      values: [PRODUCTION_VALUES],
      set: ["subgraphs.training.autoscaling.enabled=false", "subgraphs.training.replicas=3"],
    });
    expect(ofKind(one, "HorizontalPodAutoscaler").map(component)).not.toContain("training");
    expect(ofKind(one, "Deployment").find((d) => component(d) === "training")?.spec.replicas).toBe(3);
  });
});

describe("Services and environment", () => {
  const values = parse(readFileSync(join(CHART, "values.yaml"), "utf8"));
  const portOf = (service: string) =>
    (service === "gateway" ? values.gateway : values.subgraphs[service]).port;
  const configOf = (list: Rendered[], service: string) =>
    list.find((o) => o.kind === "ConfigMap" && o.metadata.name === `grassroots-${service}`)!.data;

  it.each(VALUES_NAMES)(
    "every service has a Service on its port that selects exactly its Deployment's pods (%s values)",
    (name) => {
      const list = objects(name);
      for (const service of SERVICES) {
        const s = ofKind(list, "Service").find((o) => component(o) === service)!;
        const d = ofKind(list, "Deployment").find((o) => component(o) === service)!;
        expect([service, s.metadata.name, s.spec.ports]).toEqual([
          service,
          `grassroots-${service}`,
          [{ name: "http", port: portOf(service), targetPort: "http", protocol: "TCP" }],
        ]);
        expect(s.spec.selector).toEqual(d.spec.selector.matchLabels);
        expect(d.spec.template.spec.containers[0].ports).toEqual([
          { name: "http", containerPort: portOf(service), protocol: "TCP" },
        ]);
        // no other Deployment's pods match
        for (const other of ofKind(list, "Deployment").filter((o) => o !== d)) {
          const labels = other.spec.template.metadata.labels as Record<string, string>;
          expect(Object.entries(s.spec.selector).every(([k, v]) => labels[k] === v)).toBe(false);
        }
      }
    },
  );

  it.each(VALUES_NAMES)(
    "every subgraph gets its port, the brokers, the topic prefix, no migrations at start, the internal secret and its database; the gateway every subgraph's URL (%s values)",
    (name) => {
      const list = objects(name);
      const brokers = (name === "default" ? values : parse(readFileSync(PRODUCTION_VALUES, "utf8"))).kafka
        .brokers as string[];
      for (const subgraph of SUBGRAPHS) {
        expect([subgraph, configOf(list, subgraph)]).toEqual([
          subgraph,
          expect.objectContaining({
            PORT: String(portOf(subgraph)),
            HOST: "0.0.0.0",
            NODE_ENV: "production",
            KAFKA_BROKERS: brokers.join(","),
            KAFKA_TOPIC_PREFIX: "",
            MIGRATE_ON_START: "false",
          }),
        ]);
        const d = ofKind(list, "Deployment").find((o) => component(o) === subgraph)!;
        // production: a shared Kafka cluster's password, and personnel's keys of personal data (kafka-security.test.ts)
        const secured =
          name === "production"
            ? [
                "KAFKA_SASL_PASSWORD",
                ...(subgraph === "personnel"
                  ? ["PERSONAL_DATA_ACTIVE_KEY", "PERSONAL_DATA_HASH_KEY", "PERSONAL_DATA_KEYS"]
                  : []),
              ]
            : [];
        expect([subgraph, d.spec.template.spec.containers[0].env.map((e: Json) => e.name)]).toEqual([
          subgraph,
          ["INTERNAL_SECRET", "DATABASE_PASSWORD", "DATABASE_URL", ...secured],
        ]);
      }
      expect(configOf(list, "gateway")).toMatchObject(
        Object.fromEntries(
          SUBGRAPHS.map((s) => [`${s.toUpperCase()}_URL`, `http://grassroots-${s}:${portOf(s)}/graphql`]),
        ),
      );
    },
  );
});

describe("NetworkPolicies", () => {
  const policy = (list: Rendered[], name: string) =>
    ofKind(list, "NetworkPolicy").find(
      (p) => p.spec.podSelector.matchLabels?.["app.kubernetes.io/component"] === name,
    )!;
  const gatewayPeer = {
    podSelector: { matchLabels: expect.objectContaining({ "app.kubernetes.io/component": "gateway" }) },
  };

  it.each(VALUES_NAMES)(
    "a subgraph admits only the gateway (plus Prometheus when configured) (%s values)",
    (name) => {
      const list = objects(name);
      for (const subgraph of SUBGRAPHS) {
        const p = policy(list, subgraph);
        expect(p.spec.policyTypes).toEqual(["Ingress", "Egress"]);
        const [fromGateway, ...others] = p.spec.ingress;
        expect(fromGateway).toEqual({ from: [gatewayPeer], ports: [{ protocol: "TCP", port: "http" }] });
        if (name === "default") expect(others).toEqual([]);
        else
          expect(others).toEqual([
            {
              from: [
                {
                  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } },
                  podSelector: { matchLabels: { "app.kubernetes.io/name": "prometheus" } },
                },
              ],
              ports: [{ protocol: "TCP", port: "http" }],
            },
          ]);
      }
    },
  );

  it.each(SUBGRAPHS)(
    "%s reaches only DNS, PostgreSQL and Kafka, at the CIDRs and ports of the values",
    (subgraph) => {
      const p = policy(objects("production"), subgraph);
      expect(p.spec.egress).toEqual([
        {
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
              podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
            },
          ],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
        { to: [{ ipBlock: { cidr: "10.20.30.0/24" } }], ports: [{ protocol: "TCP", port: 5432 }] },
        { to: [{ ipBlock: { cidr: "10.20.40.0/24" } }], ports: [{ protocol: "TCP", port: 9092 }] },
      ]);
    },
  );

  it("the gateway reaches DNS, the enabled subgraphs and its configured egress only; hook Jobs reach only DNS, PostgreSQL, Kafka", () => {
    const list = objects("production");
    const egress = policy(list, "gateway").spec.egress;
    const targets = egress.map(
      (rule: Json) =>
        rule.to?.[0]?.podSelector?.matchLabels?.["app.kubernetes.io/component"] ??
        rule.to?.[0]?.ipBlock?.cidr ??
        rule.to?.[0]?.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"],
    );
    expect(targets).toEqual(["kube-system", ...sorted(SUBGRAPHS), "10.20.50.10/32"]);
    const hooks = ofKind(list, "NetworkPolicy").find((p) => component(p) === "hooks")!;
    expect(hooks.spec.ingress).toEqual([]);
    expect(hooks.spec.egress).toEqual(policy(list, "organization").spec.egress);
    expect(hooks.spec.podSelector.matchExpressions[0].values.sort()).toEqual(
      sorted([...SUBGRAPHS.map((s) => `${s}-migrate`), "topics", "acls"]),
    );
  });

  it("#16: the gateway reaches the shared response cache's Redis on its port only when one is configured", () => {
    const redisRules = (set: string[]) =>
      policy(render({ set }), "gateway").spec.egress.filter((rule: Json) =>
        rule.ports.some((p: Json) => [6379, 6390, 7000].includes(p.port)),
      );
    expect(redisRules([])).toEqual([]);
    // the URL's own port, to the given CIDRs
    expect(
      redisRules([
        "gateway.responseCache.redis.url=redis://cache.example:6390/0",
        "gateway.responseCache.redis.cidrs[0]=10.20.60.0/24",
      ]),
    ).toEqual([{ to: [{ ipBlock: { cidr: "10.20.60.0/24" } }], ports: [{ protocol: "TCP", port: 6390 }] }]);
    // a URL without a port, or in a Secret: the `port` value, to any address
    expect(redisRules(["gateway.responseCache.redis.url=rediss://cache.example"])).toEqual([
      { ports: [{ protocol: "TCP", port: 6379 }] },
    ]);
    expect(
      redisRules([
        "gateway.responseCache.redis.existingSecret=cache",
        "gateway.responseCache.redis.port=7000",
      ]),
    ).toEqual([{ ports: [{ protocol: "TCP", port: 7000 }] }]);
  });

  it("can be switched off", () => {
    expect(ofKind(render({ set: ["networkPolicy.enabled=false"] }), "NetworkPolicy")).toEqual([]);
  });
});

describe("hooks: migrations and topics", () => {
  it.each(VALUES_NAMES)(
    "migration Jobs run each subgraph's migrate entry point as pre-install,pre-upgrade hooks (%s values)",
    (name) => {
      const list = objects(name);
      const jobs = ofKind(list, "Job");
      const migrations = jobs.filter((j) => component(j)?.endsWith("-migrate"));
      expect(migrations.map(component).sort()).toEqual(sorted(SUBGRAPHS.map((s) => `${s}-migrate`)));
      for (const job of [...migrations, ...jobs.filter((j) => component(j) === "topics")]) {
        expect(job.metadata.annotations).toMatchObject({
          "helm.sh/hook": "pre-install,pre-upgrade",
          "helm.sh/hook-delete-policy": "before-hook-creation,hook-succeeded",
        });
        const pod = job.spec.template.spec;
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
        // A hook runs before the release's ordinary objects exist: it must not need them.
        expect(pod.containers[0].envFrom).toBeUndefined();
        for (const env of pod.containers[0].env) {
          const secret = env.valueFrom?.secretKeyRef?.name;
          if (secret) {
            const created = list.find((o) => o.kind === "Secret" && o.metadata.name === secret);
            if (created) expect(isHook(created)).toBe(true);
          }
        }
        // Job pods never match a Service's selector.
        for (const service of ofKind(list, "Service")) {
          const selector = service.spec.selector as Record<string, string>;
          const labels = job.spec.template.metadata.labels as Record<string, string>;
          expect(Object.entries(selector).every(([k, v]) => labels[k] === v)).toBe(false);
        }
      }
      for (const job of migrations) {
        const service = component(job)!.replace(/-migrate$/, "");
        expect(job.spec.template.spec.containers[0].command).toEqual(["node", "dist/db/migrate.js"]);
        const deployment = ofKind(list, "Deployment").find((d) => component(d) === service)!;
        expect(job.spec.template.spec.containers[0].image).toBe(
          deployment.spec.template.spec.containers[0].image,
        );
      }
    },
  );

  it("the topics Job provisions from the event contracts with the values' settings, before the migrations", () => {
    const list = objects("production");
    const topics = ofKind(list, "Job").find((j) => component(j) === "topics")!;
    const container = topics.spec.template.spec.containers[0];
    expect(container.command).toEqual([
      "node",
      "node_modules/@grassroots/events/dist/cli/provision-topics.js",
    ]);
    expect(container.image).toBe("registry.example.gov.cn/grassroots/organization:0.1.0");
    const env = Object.fromEntries(container.env.map((e: Json) => [e.name, e.value ?? e.valueFrom]));
    expect(env).toEqual({
      KAFKA_BROKERS: expect.stringMatching(/^kafka-0\..*:9092,kafka-1\..*:9092,kafka-2\..*:9092$/),
      KAFKA_TOPIC_PREFIX: "",
      // a shared cluster (kafka-security.test.ts): as the admin principal, its password from the Secret
      KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
      KAFKA_SASL_MECHANISM: "SCRAM-SHA-512",
      KAFKA_SASL_USERNAME: "grassroots-admin",
      KAFKA_SASL_PASSWORD: { secretKeyRef: { name: "grassroots-kafka", key: "admin-password" } },
      KAFKA_SSL_CA_FILE: "/etc/grassroots/kafka-ca/ca.crt",
      TOPIC_PARTITIONS: "6",
      TOPIC_REPLICATION_FACTOR: "3",
      TOPIC_RETENTION_MS: "604800000",
      DLQ_RETENTION_MS: "2592000000",
    });
    const weight = (o: Rendered) => Number(o.metadata.annotations?.["helm.sh/hook-weight"]);
    for (const job of ofKind(list, "Job").filter((j) => j !== topics))
      expect(weight(topics)).toBeLessThan(weight(job));
    expect(ofKind(render({ set: ["topics.enabled=false"] }), "Job").map(component)).not.toContain("topics");
  });
});

describe("secrets", () => {
  const SECRETS: Record<string, string> = {
    internal: "internal-secret-value-0123456789",
    jwt: "jwt-development-secret-0123456789abcdef",
    ...Object.fromEntries(SUBGRAPHS.map((s, i) => [s, `${s}-db-password-${i}7d1f`])),
  };
  let chartSecrets: Rendered[] | undefined;
  const withChartSecrets = () =>
    (chartSecrets ??= render({
      set: [
        "nodeEnv=development",
        `internalSecret.value=${SECRETS.internal}`,
        ...SUBGRAPHS.map((s) => `subgraphs.${s}.database.password=${SECRETS[s]}`),
        "gateway.jwt.mode=hs256",
        `gateway.jwt.secret=${SECRETS.jwt}`,
      ],
    }));

  it("no Secret value appears in a ConfigMap, a pod spec or anywhere but its Secret", () => {
    const list = withChartSecrets();
    const secrets = ofKind(list, "Secret");
    const values = secrets.flatMap((s) =>
      Object.values(s.data as Record<string, string>).map((v) => Buffer.from(v, "base64").toString()),
    );
    expect(values.sort()).toEqual(Object.values(SECRETS).sort());
    for (const o of list.filter((o) => o.kind !== "Secret")) {
      const text = JSON.stringify(o);
      for (const value of values)
        expect([o.kind, o.metadata.name, text.includes(value)]).toEqual([o.kind, o.metadata.name, false]);
    }
    // ... and ConfigMaps of every values file carry no secret-looking key.
    for (const name of VALUES_NAMES)
      for (const config of ofKind(objects(name), "ConfigMap"))
        for (const key of Object.keys(config.data))
          expect(key).not.toMatch(/SECRET|PASSWORD|TOKEN|DATABASE_URL/);
  });

  it.each(SUBGRAPHS)(
    "%s's pods and migration Job read the database password from an existing Secret or from a hook Secret the chart creates before the migrations",
    (subgraph) => {
      // the Deployment's container and the migration Job's get the same database env
      const envs = (list: Rendered[]) =>
        [
          ofKind(list, "Deployment").find((d) => component(d) === subgraph)!,
          ofKind(list, "Job").find((j) => component(j) === `${subgraph}-migrate`)!,
        ].map((o) =>
          (o.spec.template.spec.containers[0].env as Json[]).filter((e) => e.name.startsWith("DATABASE_")),
        );
      const composed = (name: string, host: string) => [
        { name: "DATABASE_PASSWORD", valueFrom: { secretKeyRef: { name, key: "password" } } },
        {
          name: "DATABASE_URL",
          value: `postgres://grassroots_${subgraph}:$(DATABASE_PASSWORD)@${host}/grassroots_${subgraph}`,
        },
      ];
      const list = withChartSecrets();
      const secret = ofKind(list, "Secret").find(
        (o) => o.metadata.name === `grassroots-${subgraph}-database`,
      )!;
      expect(secret.metadata.annotations).toMatchObject({
        "helm.sh/hook": "pre-install,pre-upgrade",
        "helm.sh/hook-weight": "-10",
      });
      expect(Buffer.from(secret.data.password, "base64").toString()).toBe(SECRETS[subgraph]);
      expect(envs(list)).toEqual([
        composed(secret.metadata.name, "postgresql:5432"),
        composed(secret.metadata.name, "postgresql:5432"),
      ]);
      // no password in the values: the Secret named after the subgraph must exist
      const plain = objects("default");
      expect(ofKind(plain, "Secret").map((o) => o.metadata.name)).not.toContain(
        `grassroots-${subgraph}-database`,
      );
      expect(envs(plain)[0]).toEqual(composed(`grassroots-${subgraph}-database`, "postgresql:5432"));
      const production = objects("production");
      expect(ofKind(production, "Secret")).toEqual([]);
      const inProduction = composed(
        `grassroots-${subgraph}-db`,
        "pg-primary.database.svc.cluster.local:5432",
      );
      inProduction[1].value += "?sslmode=require";
      expect(envs(production)).toEqual([inProduction, inProduction]);
      const urlFromSecret = render({
        set: [
          `subgraphs.${subgraph}.database.existingSecret=${subgraph}-db`,
          `subgraphs.${subgraph}.database.existingSecretUrlKey=uri`,
        ],
      });
      const fromSecret = [
        { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: `${subgraph}-db`, key: "uri" } } },
      ];
      expect(envs(urlFromSecret)).toEqual([fromSecret, fromSecret]);
    },
  );

  it("hs256 is refused in production, and needs a secret", () => {
    expect(tryRender({ set: ["gateway.jwt.mode=hs256", "gateway.jwt.secret=x"] }).stderr).toContain(
      "development only",
    );
    expect(tryRender({ set: ["nodeEnv=development", "gateway.jwt.mode=hs256"] }).stderr).toContain(
      "needs gateway.jwt.existingSecret or gateway.jwt.secret",
    );
  });
});

describe("switching services on and off", () => {
  const owned = (list: Rendered[], service: string) =>
    list
      .filter(
        (o) =>
          o.metadata.name.includes(`-${service}`) ||
          [service, `${service}-migrate`].includes(component(o) ?? ""),
      )
      .map((o) => `${o.kind}/${o.metadata.name}`);

  it.each(SUBGRAPHS)(
    "switching %s off removes all its objects and its place in the gateway's config and policy",
    (subgraph) => {
      const on = objects("production");
      const off = render({
        values: [PRODUCTION_VALUES],
        set: [`subgraphs.${subgraph}.enabled=false`],
        args: MONITORING_API,
      });
      expect(owned(on, subgraph).sort()).toEqual(
        [
          "ConfigMap",
          "Deployment",
          "HorizontalPodAutoscaler",
          "NetworkPolicy",
          "PodDisruptionBudget",
          "Service",
          "ServiceAccount",
        ]
          .map((kind) => `${kind}/grassroots-${subgraph}`)
          .concat(`Job/grassroots-${subgraph}-migrate`)
          .sort(),
      );
      expect(owned(off, subgraph)).toEqual([]);
      // The supergraph names every composed subgraph by design, and the topics and ACLs Jobs run the image
      // topics.imageOf names (an image, whether or not its Deployment is on); everything else forgets it.
      const rest = off.filter(
        (o) =>
          o.metadata.name !== "grassroots-supergraph" &&
          !(["topics", "acls"].includes(component(o) ?? "") && o.kind === "Job"),
      );
      expect(JSON.stringify(rest)).not.toContain(subgraph);
      expect(off.length).toBe(on.length - 8);
    },
  );

  it("switching the gateway off removes all its objects", () => {
    const off = render({ values: [PRODUCTION_VALUES], set: ["gateway.enabled=false"] });
    expect(
      off.filter(
        (o) =>
          component(o) === "gateway" ||
          o.metadata.name.includes("gateway") ||
          o.metadata.name.includes("supergraph"),
      ),
    ).toEqual([]);
    expect(ofKind(off, "Deployment").map(component).sort()).toEqual(sorted(SUBGRAPHS));
  });

  it("#11/#12: finance and evaluation are on by default and can be switched off; adding a subgraph is a matter of values", () => {
    const list = objects("default");
    for (const service of ["finance", "evaluation"]) {
      expect(ofKind(list, "Deployment").map(component)).toContain(service);
      expect(ofKind(list, "Job").map(component)).toContain(`${service}-migrate`);
    }
    const without = render({
      set: ["subgraphs.finance.enabled=false", "subgraphs.evaluation.enabled=false"],
    });
    expect(without.filter((o) => /grassroots-(finance|evaluation)/.test(JSON.stringify(o)))).toEqual([]);
    const more = render({
      set: [
        "subgraphs.reports.enabled=true",
        "subgraphs.reports.port=4010",
        "subgraphs.reports.image.repository=grassroots/reports",
        "subgraphs.reports.replicas=2",
      ],
    });
    for (const service of ["finance", "reports"]) {
      expect(ofKind(more, "Deployment").map(component)).toContain(service);
      expect(ofKind(more, "Job").map(component)).toContain(`${service}-migrate`);
    }
    const gatewayConfig = more.find(
      (o) => o.kind === "ConfigMap" && o.metadata.name === "grassroots-gateway",
    )!;
    expect(gatewayConfig.data).toMatchObject({
      FINANCE_URL: "http://grassroots-finance:4004/graphql",
      REPORTS_URL: "http://grassroots-reports:4010/graphql",
    });
    const reports = ofKind(more, "Deployment").find((d) => component(d) === "reports")!;
    expect(reports.spec.replicas).toBe(2);
    expect(reports.spec.template.spec.containers[0].resources).toEqual({
      requests: { cpu: "100m", memory: "192Mi" },
      limits: { memory: "512Mi" },
    });
    expect(more.flatMap((o) => validateObject(o))).toEqual([]);
  });
});

describe("the supergraph", () => {
  const committed = () => readFileSync(join(ROOT, "gateway/supergraph.graphql"), "utf8");

  it("the chart's file is a link to the gateway's committed supergraph, so it cannot go stale", () => {
    expect(readlinkSync(join(CHART, "files/supergraph.graphql"))).toBe("../../../gateway/supergraph.graphql");
  });

  it("ships to the gateway as a ConfigMap mounted at SUPERGRAPH_PATH; a change rolls the gateway", () => {
    const list = objects("default");
    const configMap = list.find(
      (o) => o.kind === "ConfigMap" && o.metadata.name === "grassroots-supergraph",
    )!;
    expect(configMap.data["supergraph.graphql"]).toBe(committed());
    const gateway = ofKind(list, "Deployment").find((d) => component(d) === "gateway")!;
    const pod = gateway.spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: "supergraph", configMap: { name: "grassroots-supergraph" } });
    expect(pod.containers[0].volumeMounts).toContainEqual({
      name: "supergraph",
      mountPath: "/etc/grassroots/supergraph",
      readOnly: true,
    });
    const config = list.find((o) => o.kind === "ConfigMap" && o.metadata.name === "grassroots-gateway")!;
    expect(config.data.SUPERGRAPH_PATH).toBe("/etc/grassroots/supergraph/supergraph.graphql");

    const changedFile = valuesFile(
      committed().replace("type Query", "type Query\n  @join__type(graph: ORGANIZATION)"),
    );
    const changed = render({ setFile: [`gateway.supergraph=${changedFile}`] });
    const checksum = (l: Rendered[]) =>
      ofKind(l, "Deployment").find((d) => component(d) === "gateway")!.spec.template.metadata.annotations[
        "checksum/supergraph"
      ];
    expect(checksum(changed)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum(changed)).not.toBe(checksum(list));
    // the subgraphs do not roll for it
    const subgraphAnnotations = (l: Rendered[]) =>
      ofKind(l, "Deployment")
        .filter((d) => component(d) !== "gateway")
        .map((d) => d.spec.template.metadata.annotations);
    expect(subgraphAnnotations(changed)).toEqual(subgraphAnnotations(list));
    expect(tryRender({ set: ["gateway.supergraph=type Query { a: Int }"] }).stderr).toContain(
      "not a composed supergraph",
    );
  });
});

describe("values and their schema", () => {
  it("a typo'd key is rejected, naming its path", () => {
    const file = valuesFile(
      "subgraphs:\n  organization:\n    replicsa: 2\ngateway:\n  ingress:\n    hots: [a.example]\n",
    );
    const result = tryRender({ values: [file] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      "at '/subgraphs/organization': additional properties 'replicsa' not allowed",
    );
    expect(result.stderr).toContain("at '/gateway/ingress': additional properties 'hots' not allowed");
    expect(lint([file]).status).not.toBe(0);
  });

  it("a wrong type is rejected, naming its path", () => {
    const file = valuesFile(
      'gateway:\n  replicas: "two"\npostgresql:\n  port: 70000\nnetworkPolicy:\n  enabled: "yes"\n',
    );
    const result = tryRender({ values: [file] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("at '/gateway/replicas': got string, want integer");
    expect(result.stderr).toContain("at '/postgresql/port'");
    expect(result.stderr).toContain("at '/networkPolicy/enabled': got string, want boolean");
  });

  it("a secret-looking plain env variable is refused (secrets go through secretEnv)", () => {
    const result = tryRender({ set: ["subgraphDefaults.env.DB_PASSWORD=x"] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("at '/subgraphDefaults/env/DB_PASSWORD'");
  });

  it("every object of the schema is closed, or a map with typed values", () => {
    const schema = JSON.parse(readFileSync(join(CHART, "values.schema.json"), "utf8"));
    const open: string[] = [];
    const walk = (node: Json, path: string) => {
      if (!node || typeof node !== "object") return;
      if (node.type === "object" || node.properties) {
        const ap = node.additionalProperties;
        if (!(ap === false || (ap && typeof ap === "object"))) open.push(path);
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
    };
    walk(schema, "");
    expect(open).toEqual([]);
  });

  it("every key of values.yaml is camelCase, known to the schema, and every leaf is documented (on itself or a parent)", () => {
    const schema = JSON.parse(readFileSync(join(CHART, "values.schema.json"), "utf8"));
    const resolve = (node: Json): Json => {
      if (node?.$ref) return resolve(schema.$defs[node.$ref.replace("#/$defs/", "")]);
      if (node?.allOf) return resolve(node.allOf[0]);
      return node;
    };
    const doc = parseDocument(readFileSync(join(CHART, "values.yaml"), "utf8"));
    const problems: string[] = [];
    const walk = (node: Node | null, schemaNode: Json, path: string, documented = false) => {
      const s = resolve(schemaNode);
      if (!isMap(node)) return;
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const keyPath = `${path}.${key}`;
        if (s.properties) {
          const child = s.properties[key];
          if (!child) problems.push(`${keyPath}: not in values.schema.json`);
          if (!/^[a-z][a-zA-Z0-9]*$/.test(key) && key !== "ephemeral-storage")
            problems.push(`${keyPath}: not camelCase`);
          const value = pair.value as Node;
          const leaf = isScalar(value) || isSeq(value) || (isMap(value) && value.items.length === 0);
          // the comment above a map's first key belongs to the map in the yaml library's tree
          const comment = `${(pair.key as Json).commentBefore ?? ""} ${pair === node.items[0] ? (node.commentBefore ?? "") : ""}`;
          const hasDoc = /--\s+\S/.test(comment);
          if (leaf && !hasDoc && !documented) problems.push(`${keyPath}: no "# --" comment`);
          if (child) walk(value, child, keyPath, documented || hasDoc);
        } else {
          // a map: its keys are data (labels, subgraph names)
          if (s.additionalProperties) walk(pair.value as Node, s.additionalProperties, keyPath, documented);
        }
      }
    };
    walk(doc.contents as Node, schema, "");
    expect(problems).toEqual([]);
  });
});

describe("Ingress, ServiceMonitor and NOTES.txt", () => {
  it("the optional Ingress routes the API, the IDE and the exports (not /metrics) to the gateway, with TLS", () => {
    expect(ofKind(objects("default"), "Ingress")).toEqual([]);
    const [ingress] = ofKind(objects("production"), "Ingress");
    expect(ingress.spec.tls).toEqual([
      { secretName: "grassroots-tls", hosts: ["grassroots.example.gov.cn"] },
    ]);
    expect(ingress.spec.rules[0].http.paths.map((p: Json) => p.path)).toEqual([
      "/graphql",
      "/ide",
      "/exports",
    ]);
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({
      service: { name: "grassroots-gateway", port: { name: "http" } },
    });
  });

  it("the optional ServiceMonitor scrapes /metrics of every service of the release", () => {
    expect(ofKind(objects("default"), "ServiceMonitor")).toEqual([]);
    const [monitor] = ofKind(objects("production"), "ServiceMonitor");
    expect(monitor.metadata.labels?.release).toBe("kube-prometheus-stack");
    // #10.9: /metrics needs the internal secret, sent by Prometheus as a bearer token from the Secret.
    expect(monitor.spec.endpoints).toEqual([
      {
        port: "http",
        path: "/metrics",
        interval: "30s",
        scrapeTimeout: "10s",
        authorization: {
          type: "Bearer",
          credentials: { name: "grassroots-internal", key: "internal-secret" },
        },
      },
    ]);
    expect(ofKind(objects("production"), "Service").map(component).sort()).toEqual(sorted(SERVICES));
    for (const service of ofKind(objects("production"), "Service"))
      for (const [k, v] of Object.entries(monitor.spec.selector.matchLabels))
        expect(service.metadata.labels?.[k]).toBe(v);
  });

  it("NOTES.txt tells the operator how to reach the gateway and which Secrets must exist", () => {
    const notes = renderNotes();
    expect(notes).toContain(
      "kubectl --namespace grassroots port-forward service/grassroots-gateway 4000:4000",
    );
    for (const subgraph of SUBGRAPHS)
      expect(notes).toContain(
        `create secret generic grassroots-${subgraph}-database --from-literal=password=`,
      );
    expect(notes).toContain("gateway.jwt.jwksUrl is empty");
    expect(notes).toContain("gateway.networkPolicy.egress is empty");
    const production = renderNotes({ values: [PRODUCTION_VALUES], args: MONITORING_API });
    expect(production).toContain("https://grassroots.example.gov.cn/graphql");
    for (const subgraph of SUBGRAPHS)
      expect(production).toContain(`grassroots-${subgraph}-db (key password)`);
    expect(production).not.toContain("WARNING");
  });
});

describe("#16: the gateway's shared response cache (Redis)", () => {
  const cacheEnv = (list: Rendered[]) =>
    Object.fromEntries(
      ofKind(list, "Deployment").map((d) => [
        component(d),
        (d.spec.template.spec.containers[0].env as Json[]).filter((e) =>
          e.name.startsWith("RESPONSE_CACHE_REDIS"),
        ),
      ]),
    );

  it("off by default: no replica is pointed at a Redis (each keeps its own cache)", () => {
    for (const name of VALUES_NAMES)
      for (const [service, env] of Object.entries(cacheEnv(objects(name))))
        expect([service, env]).toEqual([service, []]);
  });

  it("gateway.responseCache.redis.url (or an existing Secret's key) is the gateway's RESPONSE_CACHE_REDIS_URL, with the key prefix; the subgraphs get none", () => {
    const byUrl = cacheEnv(
      render({
        set: ["gateway.responseCache.redis.url=redis://cache.grassroots.svc:6379/0"],
      }),
    );
    expect(byUrl.gateway).toEqual([
      { name: "RESPONSE_CACHE_REDIS_URL", value: "redis://cache.grassroots.svc:6379/0" },
      { name: "RESPONSE_CACHE_REDIS_PREFIX", value: "grassroots:gateway:" },
    ]);
    for (const subgraph of SUBGRAPHS) expect(byUrl[subgraph]).toEqual([]);
    const bySecret = cacheEnv(
      render({
        set: [
          "gateway.responseCache.redis.existingSecret=cache-credentials",
          "gateway.responseCache.redis.existingSecretKey=url",
          "gateway.responseCache.redis.keyPrefix=grassroots-staging:gateway:",
        ],
      }),
    );
    expect(bySecret.gateway).toEqual([
      {
        name: "RESPONSE_CACHE_REDIS_URL",
        valueFrom: { secretKeyRef: { name: "cache-credentials", key: "url" } },
      },
      { name: "RESPONSE_CACHE_REDIS_PREFIX", value: "grassroots-staging:gateway:" },
    ]);
  });

  it("a URL with credentials in the values, or not redis://, is refused naming its path", () => {
    for (const url of ["redis://:hunter2@cache:6379", "http://cache:6379"]) {
      const result = tryRender({ set: [`gateway.responseCache.redis.url=${url}`] });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("at '/gateway/responseCache/redis/url'");
    }
  });
});
