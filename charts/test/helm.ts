import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";

/** The repository root, the chart, and its two values files. */
export const ROOT = resolve(__dirname, "../..");
export const CHART = resolve(__dirname, "../grassroots");
export const PRODUCTION_VALUES = join(CHART, "values-production.yaml");

/**
 * The Kubernetes version the rendered objects are checked against: kubernetes-models 4.5 carries the
 * API schema of Kubernetes 1.27.1, and `helm template` is told the same version.
 */
export const KUBE_VERSION = "1.27.1";

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** A rendered object and the template it came from. */
export interface Rendered extends K8sObject {
  source: string;
}

let helmBinary: string | undefined;

/** Helm, built by infra/helm.sh (from the Go module proxy, the first time only; then reused). */
export function helmPath(): string {
  if (!helmBinary) {
    const out = execFileSync("bash", [join(ROOT, "infra/helm.sh")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 900_000,
    });
    helmBinary = out.trim().split("\n").pop()!;
  }
  return helmBinary;
}

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs helm offline (no cluster, no repositories). */
export function helm(args: string[]): HelmResult {
  const run = spawnSync(helmPath(), args, {
    encoding: "utf8",
    cwd: ROOT,
    timeout: 60_000,
    env: {
      ...process.env,
      KUBECONFIG: "/dev/null",
      HELM_CACHE_HOME: join(tmpdir(), "grassroots-helm-cache"),
    },
  });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export interface RenderOptions {
  /** Extra values files, after the chart's values.yaml. */
  values?: string[];
  /** `--set` assignments. */
  set?: string[];
  /** `--set-file` assignments. */
  setFile?: string[];
  release?: string;
  namespace?: string;
  /** Extra arguments. */
  args?: string[];
}

function renderArgs(options: RenderOptions): string[] {
  return [
    ...(options.values ?? []).flatMap((file) => ["--values", file]),
    ...(options.set ?? []).flatMap((assignment) => ["--set", assignment]),
    ...(options.setFile ?? []).flatMap((assignment) => ["--set-file", assignment]),
    ...(options.args ?? []),
  ];
}

/** `helm template`, without failing: for the cases that must be refused. */
export function tryRender(options: RenderOptions = {}): HelmResult {
  return helm([
    "template",
    options.release ?? "grassroots",
    CHART,
    "--namespace",
    options.namespace ?? "grassroots",
    "--kube-version",
    KUBE_VERSION,
    ...renderArgs(options),
  ]);
}

/** `helm template` parsed into objects, each with the template file it came from. */
export function render(options: RenderOptions = {}): Rendered[] {
  const result = tryRender(options);
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return parseManifests(result.stdout);
}

export function parseManifests(text: string): Rendered[] {
  const objects: Rendered[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) throw new Error(`rendered YAML does not parse: ${doc.errors[0].message}`);
    const value = doc.toJS() as K8sObject | null;
    if (!value) continue;
    // helm marks each document with "# Source: <chart>/templates/<file>"
    const source = /Source: (\S+)/.exec(
      `${doc.commentBefore ?? ""} ${doc.contents?.commentBefore ?? ""}`,
    )?.[1];
    // Not enumerable: the validators and the unknown-field check see only the object itself.
    Object.defineProperty(value, "source", { value: source ?? "", enumerable: false });
    objects.push(value as Rendered);
  }
  return objects;
}

/** `helm lint --strict` with the chart's values plus the given files. */
export function lint(values: string[] = [], set: string[] = []): HelmResult {
  return helm(["lint", "--strict", CHART, ...renderArgs({ values, set })]);
}

/** Writes a values file into a fresh temporary directory and returns its path. */
export function valuesFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "grassroots-values-"));
  const file = join(dir, "values.yaml");
  writeFileSync(file, content);
  return file;
}

/**
 * The rendered NOTES.txt. `helm template` does not print it and `helm install --dry-run` wants a
 * cluster, so a copy of the chart renders it as a define, printed from a one-line template.
 */
export function renderNotes(options: RenderOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "grassroots-notes-"));
  try {
    const chart = join(dir, "grassroots");
    cpSync(CHART, chart, { recursive: true });
    const notes = readFileSync(join(chart, "templates/NOTES.txt"), "utf8");
    rmSync(join(chart, "templates/NOTES.txt"));
    writeFileSync(
      join(chart, "templates/_test-notes.tpl"),
      `{{- define "test.notes" -}}\n${notes}\n{{- end -}}\n`,
    );
    writeFileSync(join(chart, "templates/test-notes.yaml"), `notes: {{ include "test.notes" . | toJson }}\n`);
    const result = helm([
      "template",
      options.release ?? "grassroots",
      chart,
      "--namespace",
      options.namespace ?? "grassroots",
      "--kube-version",
      KUBE_VERSION,
      "--show-only",
      "templates/test-notes.yaml",
      ...renderArgs(options),
    ]);
    if (result.status !== 0) throw new Error(`rendering NOTES.txt failed:\n${result.stderr}`);
    return (parseManifests(result.stdout)[0] as unknown as { notes: string }).notes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
