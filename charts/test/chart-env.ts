import type { Rendered } from "./helm";

// A container of the rendered chart, as the bundle tests run it outside a cluster: its command and
// its environment (the ConfigMap it loads plus its own env, Secrets by reference), and the few
// values that can only hold inside the cluster replaced by their local counterparts, by name.

export interface ChartContainer {
  /** The container's command; undefined: the image's (`node dist/main.js`). */
  command?: string[];
  /** Plain values: its ConfigMap's data, then its own `value` entries. */
  values: Record<string, string>;
  /** Variables read from Secrets: name → the Secret and key. */
  secrets: Record<string, { name: string; key: string }>;
}

const component = (o: Rendered) => o.metadata.labels?.["app.kubernetes.io/component"];

/** The only container of the Deployment or Job of a component (`finance`, `finance-migrate`, `topics`). */
export function chartContainer(list: Rendered[], kind: "Deployment" | "Job", name: string): ChartContainer {
  const owner = list.find((o) => o.kind === kind && component(o) === name);
  if (!owner) throw new Error(`the chart renders no ${kind} for ${name}`);
  const [container] = owner.spec.template.spec.containers;
  const values: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef?.name;
    const config = list.find((o) => o.kind === "ConfigMap" && o.metadata.name === ref);
    if (!config) throw new Error(`${name} loads ConfigMap ${ref}, which the chart does not render`);
    Object.assign(values, config.data);
  }
  const secrets: ChartContainer["secrets"] = {};
  for (const env of container.env ?? []) {
    if (env.valueFrom?.secretKeyRef) secrets[env.name] = env.valueFrom.secretKeyRef;
    else if (env.value !== undefined) values[env.name] = String(env.value);
    else throw new Error(`${name}: env ${env.name} is neither a value nor a Secret reference`);
  }
  return { command: container.command, values, secrets };
}

export interface HereInstead {
  /** A value for every variable the container reads from a Secret. */
  secrets: Record<string, string>;
  /** Replacements of values that name the cluster (hosts, ports, mounted paths): each must be one the chart sets. */
  values: Record<string, string>;
}

/**
 * The container's environment with the local replacements. Refuses a Secret the test supplies no
 * value for and a replacement of a variable the chart does not set (the chart changed: look again),
 * and expands `$(NAME)` references as the kubelet does.
 */
export function runHere(container: ChartContainer, here: HereInstead): Record<string, string> {
  const env: Record<string, string> = { ...container.values };
  for (const [name, ref] of Object.entries(container.secrets)) {
    if (here.secrets[name] === undefined)
      throw new Error(
        `the chart reads ${name} from Secret ${ref.name} (key ${ref.key}): no value for it here`,
      );
    env[name] = here.secrets[name];
  }
  for (const [name, value] of Object.entries(here.values)) {
    if (!(name in env))
      throw new Error(`the chart sets no ${name} to replace (its env: ${Object.keys(env)})`);
    env[name] = value;
  }
  for (const [name, value] of Object.entries(env))
    env[name] = value.replace(/\$\(([A-Z0-9_]+)\)/g, (ref, inner: string) => env[inner] ?? ref);
  return env;
}
