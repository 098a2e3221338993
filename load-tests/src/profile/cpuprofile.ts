import { readFileSync } from "node:fs";

/**
 * A V8 .cpuprofile (node --cpu-prof) summarised inside time windows: the load's seconds only, not
 * the seeding before it. Sample times are V8's monotonic clock in µs, the same CLOCK_MONOTONIC as
 * process.hrtime in the harness that recorded the windows.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameCost {
  frame: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  /** Sampled CPU (not idle) inside the windows. */
  busyMs: number;
  samples: number;
  top: FrameCost[];
  /** Self time by package (node_modules/<name>), node internals, the project's code, GC. */
  byPackage: { name: string; selfMs: number }[];
}

const IDLE = new Set(["(idle)"]);

function shortUrl(url: string): string {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length);
  const at = url.search(/\/(gateway|services|packages)\//);
  return at >= 0 ? url.slice(at + 1) : url.replace(/^file:\/\//, "");
}

function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  if (url.startsWith("node:")) return "node:internals";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /\/(gateway|services\/[^/]+|packages\/[^/]+)\//.exec(url);
  return m ? m[1] : "(other)";
}

const frameKey = (n: ProfileNode) =>
  `${n.callFrame.functionName || "(anonymous)"} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

/** Windows in µs of the monotonic clock; the profile's samples outside them are left out. */
export function summarise(path: string, windows: [number, number][], topN = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Microseconds of samples per node inside the windows.
  const perNode = new Map<number, number>();
  let t = profile.startTime;
  let samples = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (!windows.some(([from, to]) => t >= from && t <= to)) continue;
    const node = byId.get(profile.samples[i])!;
    if (IDLE.has(node.callFrame.functionName)) continue;
    samples++;
    perNode.set(node.id, (perNode.get(node.id) ?? 0) + delta);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const packages = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of perNode) {
    busy += us;
    const node = byId.get(id)!;
    self.set(frameKey(node), (self.get(frameKey(node)) ?? 0) + us);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    // Inclusive: each frame once per sample, however often it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = frameKey(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + us);
    }
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const frames = [...new Set([...self.keys(), ...total.keys()])];
  const bySelf = frames
    .map((frame) => ({ frame, selfMs: ms(self.get(frame) ?? 0), totalMs: ms(total.get(frame) ?? 0) }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return {
    busyMs: ms(busy),
    samples,
    top: bySelf.slice(0, topN),
    byPackage: [...packages]
      .map(([name, us]) => ({ name, selfMs: ms(us) }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 15),
  };
}

/** Frames by inclusive time, leaving out the event loop's and the runtime's roots. */
export function topInclusive(path: string, windows: [number, number][], topN = 25): FrameCost[] {
  const all = summarise(path, windows, Number.MAX_SAFE_INTEGER).top;
  return all
    .filter((f) => !/^\((root|program|garbage collector)\)/.test(f.frame))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, topN);
}
