import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { helmPath, ROOT, type HelmResult } from "./helm";

// The local control plane of infra/k8s.sh (etcd, kube-apiserver, controller manager, scheduler and
// kwok's fake nodes on 127.0.0.1) for the install tests: helm against it, and reads of what the API
// server holds.

const K8S = join(ROOT, "infra/k8s.sh");

function k8s(command: string): { status: number; out: string } {
  const run = spawnSync("bash", [K8S, command], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    // a cold build takes ~7 minutes on 2 cores, more on a busy machine
    timeout: 2_400_000,
  });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, out: run.stdout.trim() };
}

export interface Cluster {
  kubeconfig: string;
  /** Whether this run started it (and so stops it at the end). */
  started: boolean;
  server: string;
  ca: Buffer;
  token: string;
}

/** Starts the control plane if it is not running (building it the first time). */
export function startCluster(): Cluster {
  const started = k8s("status").status !== 0;
  if (started)
    execFileSync("bash", [K8S, "start"], { stdio: ["ignore", "inherit", "inherit"], timeout: 2_400_000 });
  const kubeconfig = k8s("kubeconfig").out;
  const config = parse(readFileSync(kubeconfig, "utf8"));
  return {
    kubeconfig,
    started,
    server: config.clusters[0].cluster.server,
    ca: Buffer.from(config.clusters[0].cluster["certificate-authority-data"], "base64"),
    token: config.users[0].user.token,
  };
}

/** Stops the control plane if this run started it. */
export function stopCluster(cluster: Cluster | undefined): void {
  if (cluster?.started) k8s("stop");
}

/** helm against the cluster; never throws on a non-zero exit (refusals are asserted). */
export function kubeHelm(cluster: Cluster, args: string[]): HelmResult {
  const run = spawnSync(helmPath(), args, {
    encoding: "utf8",
    cwd: ROOT,
    timeout: 600_000,
    env: {
      ...process.env,
      KUBECONFIG: cluster.kubeconfig,
      HELM_CACHE_HOME: join(tmpdir(), "grassroots-helm-cache"),
      HELM_CONFIG_HOME: join(tmpdir(), "grassroots-helm-config"),
      HELM_DATA_HOME: join(tmpdir(), "grassroots-helm-data"),
    },
  });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Like kubeHelm, but a failure throws with helm's output. */
export function kubeHelmOk(cluster: Cluster, args: string[]): string {
  const result = kubeHelm(cluster, args);
  if (result.status !== 0)
    throw new Error(`helm ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** One call to the API server as the cluster's admin: status and parsed body. */
export function api(
  cluster: Cluster,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      new URL(path, cluster.server),
      {
        method,
        ca: cluster.ca,
        headers: {
          authorization: `Bearer ${cluster.token}`,
          accept: "application/json",
          ...(payload ? { "content-type": "application/json" } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** GET that must succeed. */
export async function get(cluster: Cluster, path: string): Promise<Json> {
  const res = await api(cluster, "GET", path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The REST path of a namespaced or cluster-wide object. */
export function objectPath(
  o: { apiVersion: string; kind: string; metadata: { name: string } },
  namespace: string,
): string {
  const plural = PLURALS[o.kind];
  if (!plural) throw new Error(`no REST path known for kind ${o.kind}: add it to PLURALS`);
  const base = o.apiVersion.includes("/") ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
  return `${base}/namespaces/${namespace}/${plural}/${o.metadata.name}`;
}

const PLURALS: Record<string, string> = {
  ConfigMap: "configmaps",
  Deployment: "deployments",
  HorizontalPodAutoscaler: "horizontalpodautoscalers",
  Ingress: "ingresses",
  Job: "jobs",
  NetworkPolicy: "networkpolicies",
  PodDisruptionBudget: "poddisruptionbudgets",
  PrometheusRule: "prometheusrules",
  Secret: "secrets",
  Service: "services",
  ServiceAccount: "serviceaccounts",
  ServiceMonitor: "servicemonitors",
};

/** Polls until `check` returns a value (not undefined), by attempts rather than a deadline. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  attempts = 240,
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `${what}: not reached after ${attempts} attempts${last ? ` (last error: ${String(last)})` : ""}`,
  );
}
