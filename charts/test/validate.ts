import type { K8sObject } from "./helm";

/**
 * Validation of rendered objects against the Kubernetes API schema carried by kubernetes-models
 * (Kubernetes 1.27): types, required fields, formats. kubernetes-models does NOT reject unknown
 * fields (its validators ignore them, as the API server's schema allows), so `unknownFields` below
 * adds that: it runs the same validator on a proxy of the object, records which properties the
 * validator looked at, and reports every property it never looked at. Maps (labels, data,
 * resources) are enumerated by the validator and so accepted whatever their keys.
 */

interface ModelInstance {
  validate(): void;
}
type ModelClass = new (data: object) => ModelInstance;

/** The kubernetes-models class for an apiVersion and kind: `kubernetes-models/<apiVersion>` exports it. */
export function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(`kubernetes-models/${apiVersion}`) as Record<string, unknown>;
    const model = module[kind];
    return typeof model === "function" ? (model as ModelClass) : undefined;
  } catch {
    return undefined;
  }
}

interface Reads {
  keys: Set<PropertyKey>;
  enumerated: boolean;
}

/** JSON pointers of the properties the model's validator never read. */
export function unknownFields(model: ModelClass, data: object): string[] {
  const reads = new Map<object, Reads>();
  const proxies = new WeakMap<object, object>();
  const record = (target: object): Reads => {
    let entry = reads.get(target);
    if (!entry) reads.set(target, (entry = { keys: new Set(), enumerated: false }));
    return entry;
  };
  const wrap = (target: object): object => {
    let proxy = proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get(t, key, receiver) {
          record(t).keys.add(key);
          const value = Reflect.get(t, key, receiver) as unknown;
          return value !== null && typeof value === "object" ? wrap(value) : value;
        },
        has(t, key) {
          record(t).keys.add(key);
          return Reflect.has(t, key);
        },
        ownKeys(t) {
          record(t).enumerated = true;
          return Reflect.ownKeys(t);
        },
      });
      proxies.set(target, proxy);
    }
    return proxy;
  };
  try {
    model.prototype.validate.call(wrap(data));
  } catch {
    // type errors are reported by validate(); here only what was read matters
  }
  const unknown: string[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${pointer}/${index}`));
      return;
    }
    const read = reads.get(value);
    // Never looked at: an opaque object in the schema (or below an unknown key, reported above it).
    if (!read) return;
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue; // not in the JSON an API server would get
      if (!read.enumerated && !read.keys.has(key)) unknown.push(`${pointer}/${key}`);
      else walk(child, `${pointer}/${key}`);
    }
  };
  walk(data, "");
  return unknown;
}

/**
 * The ServiceMonitor (monitoring.coreos.com/v1) is a Prometheus Operator CRD that kubernetes-models
 * does not carry. Checked here against the part of its CRD schema the chart uses; metadata and the
 * label selector go through kubernetes-models' own ObjectMeta and LabelSelector schemas.
 */
function serviceMonitorProblems(object: K8sObject): string[] {
  const problems: string[] = [];
  const closed = (
    value: unknown,
    pointer: string,
    allowed: Record<string, "string" | "object" | "array" | "boolean">,
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
  closed(object, "", { apiVersion: "string", kind: "string", metadata: "object", spec: "object" });
  closed(object.spec, "/spec", {
    selector: "object",
    endpoints: "array",
    namespaceSelector: "object",
    jobLabel: "string",
  });
  if (!object.spec?.selector) problems.push("/spec/selector: required");
  for (const [index, endpoint] of ((object.spec?.endpoints as unknown[]) ?? []).entries()) {
    closed(endpoint, `/spec/endpoints/${index}`, {
      port: "string",
      path: "string",
      interval: "string",
      scrapeTimeout: "string",
      scheme: "string",
      honorLabels: "boolean",
      authorization: "object",
    });
    const auth = (endpoint as { authorization?: { credentials?: unknown } }).authorization;
    if (auth) {
      const at = `/spec/endpoints/${index}/authorization`;
      closed(auth, at, { type: "string", credentials: "object" });
      // A SecretKeySelector, as in the CRD.
      if (auth.credentials)
        closed(auth.credentials, `${at}/credentials`, { name: "string", key: "string", optional: "boolean" });
    }
  }
  const carrier = {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: object.metadata,
    spec: { podSelector: object.spec?.selector ?? {} },
  };
  problems.push(...validateObject(carrier).map((problem) => `(metadata or selector) ${problem}`));
  return problems;
}

/** Every schema problem of one rendered object; empty when it is valid. */
export function validateObject(object: K8sObject): string[] {
  if (object.apiVersion === "monitoring.coreos.com/v1" && object.kind === "ServiceMonitor") {
    return serviceMonitorProblems(object);
  }
  const model = modelFor(object.apiVersion, object.kind);
  if (!model) return [`no Kubernetes ${KUBERNETES_SCHEMA} schema for ${object.apiVersion} ${object.kind}`];
  const problems: string[] = [];
  try {
    new model(object).validate();
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  for (const pointer of unknownFields(model, object)) problems.push(`${pointer}: unknown field`);
  return problems;
}

export const KUBERNETES_SCHEMA = "1.27";
