import { residentIdCheckCharacter } from "@grassroots/kit/validation";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PARAMS, SCENARIOS } from "../src/scenarios/definitions";
import {
  expand,
  extract,
  idNumberFor,
  pickWeighted,
  type Json,
  type TemplateState,
} from "../src/scenarios/template";

/**
 * k6/lib.js in Node: its import lines replaced by stubs of k6's modules, its exports returned. Lets the
 * test compare its template functions with the TypeScript ones and run a scenario's iteration.
 */
function loadK6Lib(
  http: { post: (url: string, body: string, params: unknown) => unknown },
  env: Record<string, string> = {},
) {
  const source = readFileSync(resolve(__dirname, "../k6/lib.js"), "utf8")
    .replace(/^import .*$/gm, "")
    .replace(/^export (function|const)/gm, "$1");
  class Metric {
    samples: unknown[] = [];
    add(value: unknown) {
      this.samples.push(value);
    }
  }
  const check = (value: unknown, checks: Record<string, (v: unknown) => boolean>) =>
    Object.values(checks).every((c) => c(value));
  const fail = (message: string) => {
    throw new Error(message);
  };
  const factory = new Function(
    "http",
    "check",
    "fail",
    "Counter",
    "Rate",
    "Trend",
    "__ENV",
    "__VU",
    `${source}\nreturn { expand, extract, pickWeighted, idNumberFor, idCheckCharacter, scenarioScript };`,
  );
  return factory(http, check, fail, Metric, Metric, Metric, env, 1) as {
    expand: typeof expand;
    extract: typeof extract;
    pickWeighted: typeof pickWeighted;
    idNumberFor: typeof idNumberFor;
    idCheckCharacter: (first17: string) => string;
    scenarioScript: (
      defs: unknown,
      name: string,
    ) => {
      options: any;
      setup: () => any;
      iteration: (data: unknown) => void;
      teardown: (data: unknown) => void;
    };
  };
}

/** The same sequence of "random" numbers for both implementations. */
function fixedState(): TemplateState {
  let i = 0;
  const values = [0.1, 0.9, 0.35, 0.62, 0.05, 0.77, 0.5, 0.23];
  return {
    random: () => values[i++ % values.length],
    counters: {},
    salt: 7,
    now: () => new Date("2026-11-26T03:00:00Z"),
  };
}

const fixtures: Record<string, Json> = {
  ...PARAMS,
  bannerId: "b-1",
  townshipIds: ["t-1", "t-2", "t-3"],
  sessionId: "s-1",
  attendees: ["p-1", "p-2"],
  after200: "c200",
  after400: "c400",
  personId: "p-9",
  filingId: "f-1",
  filingVersion: 3,
  unitId: "u-1",
  version: 5,
  under: "u-0",
};

describe("k6/lib.js", () => {
  const lib = loadK6Lib({ post: () => ({ status: 200, json: () => ({ data: {} }) }) });

  it("expands every step's variables exactly as the Node runner does", () => {
    const steps = SCENARIOS.flatMap((s) => [...s.setup, ...s.flows.flatMap((f) => f.steps)]);
    const ts = fixedState();
    const js = fixedState();
    for (const step of steps)
      expect(lib.expand(step.variables, fixtures, js)).toEqual(expand(step.variables, fixtures, ts));
    expect(js.counters).toEqual(ts.counters);
  });

  it("extracts, picks and numbers the same way", () => {
    const data = {
      a: {
        edges: [{ node: { id: 1, kids: [{ x: "p" }, { x: "q" }] } }, { node: { id: 2, kids: [{ x: "r" }] } }],
      },
    };
    for (const path of [
      "a.edges[*].node.id",
      "a.edges[0].node.id",
      "a.edges[*].node.kids[*].x",
      "a.missing.b",
      "a.edges[1].node.kids[0].x",
    ]) {
      expect(lib.extract(data, path)).toEqual(extract(data, path));
    }
    const flows = [{ weight: 1 }, { weight: 3 }, { weight: 6 }];
    for (const r of [0, 0.05, 0.1, 0.2, 0.39, 0.4, 0.99])
      expect(lib.pickWeighted(flows, () => r)).toBe(pickWeighted(flows, () => r));
    for (const n of [0, 1, 11999, 12000, 5_000_123])
      expect(lib.idNumberFor("150621", n)).toBe(idNumberFor("150621", n));
  });

  it("#9: k6's copy of the GB 11643 check character equals the kit's for many inputs", () => {
    let seed = 11643;
    const digit = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % 10);
    const inputs = [
      "11010519491231002",
      "00000000000000000",
      "99999999999999999",
      ...Array.from({ length: 20000 }, () => Array.from({ length: 17 }, digit).join("")),
    ];
    const seen = new Set<string>();
    for (const first17 of inputs) {
      const expected = residentIdCheckCharacter(first17);
      expect(lib.idCheckCharacter(first17)).toBe(expected);
      seen.add(expected);
    }
    // Every one of the eleven check characters came up, X included.
    expect([...seen].sort()).toEqual([..."0123456789X"]);
  });

  it("runs a scenario: its setup captures, its flow's operations with the token, its thresholds", () => {
    const sent: { body: any; headers: Record<string, string>; tags: Record<string, string> }[] = [];
    const responses: Record<string, unknown> = {
      ClerkFixtures: {
        orgUnitByCode: { id: "b-1", children: { edges: [{ node: { id: "t-1", kind: "TOWN" } }] } },
      },
      ClerkSessions: {
        trainingSessions: {
          edges: [{ node: { id: "s-1", hours: 12, enrollments: [{ statisticianId: "p-1" }] } }],
        },
      },
      RegisterStatistician: { registerStatistician: { id: "p-9", version: 1 } },
      AppointStatistician: {
        appointStatistician: {
          assignment: { id: "a-1", status: "PENDING_TRAINING" },
          filing: { id: "f-1", status: "SUBMITTED", route: "DIRECT", version: 1 },
        },
      },
    };
    const k6 = loadK6Lib(
      {
        post: (_url, body, params: any) => {
          const parsed = JSON.parse(body);
          sent.push({ body: parsed, headers: params.headers, tags: params.tags });
          return { status: 200, json: () => ({ data: responses[parsed.operationName] ?? {} }) };
        },
      },
      { TOKEN_BANNER_ADMIN: "jwt-banner" },
    );
    const definitions = JSON.parse(readFileSync(resolve(__dirname, "../k6/scenarios.json"), "utf8"));
    const script = k6.scenarioScript(definitions, "banner-clerk");
    expect(script.options.scenarios["banner-clerk"]).toMatchObject({ executor: "constant-vus", vus: 10 });
    expect(script.options.thresholds["http_req_duration{scenario:banner-clerk}"]).toEqual(["p(95)<300"]);
    const data = script.setup();
    expect(data.scope).toMatchObject({
      bannerId: "b-1",
      townshipIds: ["t-1"],
      sessionId: "s-1",
      attendees: ["p-1"],
    });
    for (let i = 0; i < 40; i++) script.iteration(data);
    const operations = new Set(sent.map((s) => s.body.operationName));
    for (const op of [
      "BannerFilings",
      "UnitStaff",
      "RegisterStatistician",
      "AppointStatistician",
      "FileFiling",
      "RecordAttendance",
    ])
      expect(operations).toContain(op);
    expect(sent.every((s) => s.headers.authorization === "Bearer jwt-banner")).toBe(true);
    const file = sent.find((s) => s.body.operationName === "FileFiling")!;
    expect(file.body.variables.input).toMatchObject({ filingId: "f-1", expectedVersion: 1 });
    expect(file.body.query).toBe(definitions.operations.FileFiling.document);
  });

  it("a scenario past the cache sends Cache-Control: no-cache on every request; the others never do", () => {
    const headersOf = (name: string) => {
      const sent: Record<string, string>[] = [];
      const k6 = loadK6Lib(
        {
          post: (_url, _body, params: any) => {
            sent.push(params.headers);
            return { status: 200, json: () => ({ data: {} }) };
          },
        },
        { TOKEN: "jwt" },
      );
      const definitions = JSON.parse(readFileSync(resolve(__dirname, "../k6/scenarios.json"), "utf8"));
      const script = k6.scenarioScript(definitions, name);
      const data = script.setup();
      for (let i = 0; i < 3; i++) script.iteration(data);
      return sent;
    };
    const fresh = headersOf("city-dashboard-fresh");
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((h) => h["cache-control"] === "no-cache")).toBe(true);
    expect(headersOf("city-dashboard").some((h) => "cache-control" in h)).toBe(false);
  });
});
