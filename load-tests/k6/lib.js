// Shared by the k6 scripts. The scenario definitions come from scenarios.json, the export of
// load-tests/src/scenarios/definitions.ts (`pnpm --filter @grassroots/load-tests k6:export`); the
// template functions below are a line-for-line copy of src/scenarios/template.ts (a test runs both on
// the same inputs). Only k6's own modules are imported: nothing to install besides k6.
import http from "k6/http";
import { check, fail } from "k6";
import { Counter, Rate, Trend } from "k6/metrics";

// ---------------------------------------------------------------- template (copy of template.ts)

const WHOLE = /^\$\{([^}]+)\}$/;
const PART = /\$\{([^}]+)\}/g;

export function chinaDate(now) {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function lookup(name, scope) {
  const value = scope[name];
  if (value === undefined) throw new Error(`template: "${name}" is not captured, a fixture or a parameter`);
  return value;
}

function listOf(name, scope) {
  const value = lookup(name, scope);
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`template: "${name}" is not a non-empty list`);
  return value;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function idCheckCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

const DAY_MS = 86400000;
const BIRTH_BASE_MS = Date.UTC(1966, 0, 1);
const BIRTH_SPAN_DAYS = 12000;

export function idNumberFor(region, n) {
  const birth = new Date(BIRTH_BASE_MS + (n % BIRTH_SPAN_DAYS) * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, "");
  const sequence = String(Math.floor(n / BIRTH_SPAN_DAYS) % 1000).padStart(3, "0");
  const first17 = `${region.slice(0, 6)}${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

function uuid(random) {
  const hex = "0123456789abcdef";
  let out = "";
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += "-";
    else if (i === 14) out += "4";
    else if (i === 19) out += hex[8 + Math.floor(random() * 4)];
    else out += hex[Math.floor(random() * 16)];
  }
  return out;
}

function evaluate(expr, scope, state) {
  const [fn, ...args] = expr.split(":");
  const now = state.now ? state.now() : new Date();
  switch (fn) {
    case "pick": {
      const list = listOf(args[0], scope);
      return list[Math.floor(state.random() * list.length)];
    }
    case "next": {
      const list = listOf(args[0], scope);
      const n = state.counters[expr] || 0;
      state.counters[expr] = n + 1;
      return list[n % list.length];
    }
    case "int": {
      const lo = Number(args[0]);
      const hi = Number(args[1]);
      return lo + Math.floor(state.random() * (hi - lo + 1));
    }
    case "oneOf": {
      const words = args.join(":").split("|");
      return words[Math.floor(state.random() * words.length)];
    }
    case "uuid":
      return uuid(state.random);
    case "today":
      return chinaDate(now);
    case "thisYear":
      return Number(chinaDate(now).slice(0, 4));
    case "idNumber": {
      const n = state.counters["idNumber"] || 0;
      state.counters["idNumber"] = n + 1;
      return idNumberFor(String(lookup(args[0], scope)), state.salt * 10000 + n);
    }
    default:
      if (args.length) throw new Error(`template: unknown function "${fn}" in "\${${expr}}"`);
      return lookup(fn, scope);
  }
}

export function expand(template, scope, state) {
  if (typeof template === "string") {
    const whole = WHOLE.exec(template);
    if (whole) return evaluate(whole[1], scope, state);
    return template.replace(PART, (_m, expr) => String(evaluate(expr, scope, state)));
  }
  if (Array.isArray(template)) return template.map((t) => expand(t, scope, state));
  if (template && typeof template === "object") {
    const out = {};
    for (const [key, value] of Object.entries(template)) out[key] = expand(value, scope, state);
    return out;
  }
  return template;
}

export function extract(data, path) {
  const parts = path
    .replace(/\[(\*|\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean);
  const walk = (value, i) => {
    if (i === parts.length) return value;
    if (value === null || value === undefined || typeof value !== "object") return undefined;
    const part = parts[i];
    if (part === "*") {
      if (!Array.isArray(value)) return undefined;
      const out = [];
      for (const item of value) {
        const got = walk(item, i + 1);
        if (Array.isArray(got) && parts.slice(i + 1).includes("*")) out.push(...got);
        else if (got !== undefined) out.push(got);
      }
      return out;
    }
    return walk(Array.isArray(value) ? value[Number(part)] : value[part], i + 1);
  };
  return walk(data, 0);
}

export function pickWeighted(items, random) {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let at = random() * total;
  for (const item of items) {
    at -= item.weight;
    if (at < 0) return item;
  }
  return items[items.length - 1];
}

// ---------------------------------------------------------------- k6 side

const graphqlErrors = new Rate("graphql_errors");
const acceptedErrors = new Counter("graphql_accepted_errors");
const flowDuration = new Trend("flow_duration", true);

const env = (typeof __ENV !== "undefined" && __ENV) || {};

/** The GraphQL endpoint (the gateway): -e GRAPHQL_URL=https://…/graphql */
export const url = () => env.GRAPHQL_URL || "http://127.0.0.1:4000/graphql";

/** A bearer token for the role: -e TOKEN_CITY_ADMIN=…, -e TOKEN_BANNER_ADMIN=… (or one -e TOKEN=… for every role). */
function tokenFor(role) {
  const token = env[`TOKEN_${role}`] || env.TOKEN;
  if (!token) fail(`set -e TOKEN_${role}=<a JWT of a ${role}> (or -e TOKEN=…); see load-tests/README.md`);
  return token;
}

/** Parameters: the defaults of the definitions, each overridable with -e name=value. */
function paramsOf(defs) {
  const params = {};
  for (const [name, value] of Object.entries(defs.params))
    params[name] = env[name] !== undefined ? env[name] : value;
  return params;
}

function newState() {
  const vu = typeof __VU !== "undefined" ? __VU : 0;
  return { random: Math.random, counters: {}, salt: (Number(env.SALT || 0) * 1000 + vu) % 1200 };
}

/** Who sends a scenario's requests: its role, and whether it asks past the gateway's cache. */
function callerOf(scenario) {
  return { role: scenario.identity.role, fresh: !!scenario.freshReads };
}

function post(defs, caller, step, scope, state, tags) {
  const op = defs.operations[step.operation];
  if (!op) fail(`unknown operation ${step.operation}`);
  const body = JSON.stringify({
    query: op.document,
    operationName: step.operation,
    variables: expand(step.variables, scope, state),
  });
  const headers = { "content-type": "application/json", authorization: `Bearer ${tokenFor(caller.role)}` };
  if (caller.fresh) headers["cache-control"] = "no-cache";
  return http.post(url(), body, {
    headers,
    tags: Object.assign({ operation: step.operation }, tags || {}),
  });
}

/** Parses a response; returns {data, codes} or null for a non-JSON body. */
function parse(res) {
  try {
    const body = res.json();
    return {
      data: body.data,
      codes: (body.errors || []).map((e) => (e.extensions && e.extensions.code) || "NO_CODE"),
    };
  } catch (e) {
    return null;
  }
}

/** One step: the request, its checks (HTTP 200, no GraphQL errors but the accepted ones), its captures. */
function runStep(defs, caller, step, scope, state) {
  const res = post(defs, caller, step, scope, state);
  const body = parse(res);
  const accepted = step.acceptErrors || [];
  const unaccepted = body ? body.codes.filter((c) => accepted.indexOf(c) < 0) : ["NOT_JSON"];
  const ok = check(res, {
    "HTTP 200": (r) => r.status === 200,
    "no GraphQL errors": () => unaccepted.length === 0,
  });
  graphqlErrors.add(res.status === 200 && unaccepted.length > 0, { operation: step.operation });
  if (!ok) return { ok: false };
  if (body.codes.length) {
    acceptedErrors.add(body.codes.length, { operation: step.operation, code: body.codes[0] });
    return { ok: false, accepted: true };
  }
  const captures = {};
  for (const [name, path] of Object.entries(step.capture || {})) captures[name] = extract(body.data, path);
  return { ok: true, captures, data: body.data };
}

/** options, setup, the iteration and teardown of one scenario of the definitions. */
export function scenarioScript(defs, name) {
  const scenario = defs.scenarios.find((s) => s.name === name);
  if (!scenario) throw new Error(`no scenario ${name} in scenarios.json`);
  const vus = Number(env.VUS || scenario.load.connections);
  const duration = env.DURATION || `${scenario.load.durationSeconds}s`;
  const executor = scenario.load.maxIterations
    ? {
        executor: "shared-iterations",
        vus,
        iterations: Number(env.ITERATIONS || scenario.load.maxIterations),
        maxDuration: duration,
      }
    : { executor: "constant-vus", vus, duration };
  const thresholds = {
    checks: ["rate>0.99"],
    graphql_errors: [`rate<=${scenario.thresholds.maxErrorRate}`],
    http_req_failed: [`rate<=${scenario.thresholds.maxErrorRate}`],
  };
  const latency = [];
  if (scenario.thresholds.p95Ms) latency.push(`p(95)<${scenario.thresholds.p95Ms}`);
  if (scenario.thresholds.p99Ms) latency.push(`p(99)<${scenario.thresholds.p99Ms}`);
  if (latency.length) thresholds[`http_req_duration{scenario:${name}}`] = latency;
  const options = { scenarios: { [name]: executor }, thresholds, setupTimeout: "120s" };
  let state;

  const setup = () => {
    const params = paramsOf(defs);
    const setupState = newState();
    const home = String(expand(scenario.identity.home, params, setupState));
    const fixtures = {};
    for (const step of scenario.setup) {
      const got = runStep(defs, callerOf(scenario), step, Object.assign({}, params, fixtures), setupState);
      if (!got.ok) fail(`setup step ${step.operation} failed: is the data generated (load-tests README)?`);
      Object.assign(fixtures, got.captures);
    }
    const data = { scope: Object.assign({}, params, fixtures), home };
    if (scenario.verify) data.before = verifyState(defs, scenario, data.scope, setupState);
    return data;
  };

  const iteration = (data) => {
    if (!state) state = newState();
    const flow = pickWeighted(scenario.flows, state.random);
    const captures = {};
    const started = Date.now();
    for (const step of flow.steps) {
      const got = runStep(defs, callerOf(scenario), step, Object.assign({}, data.scope, captures), state);
      if (!got.ok) return;
      Object.assign(captures, got.captures);
    }
    flowDuration.add(Date.now() - started, { flow: flow.name });
  };

  const teardown = (data) => {
    if (!scenario.verify || !data || !data.before) return;
    const after = verifyState(defs, scenario, data.scope, newState());
    const versions = after.version - data.before.version;
    const entries = after.history - data.before.history;
    // Every accepted write raised the version by one and added one history entry: equal deltas mean
    // no update was lost (the Node runner also checks them against its count of accepted writes).
    check(after, { "no lost update: version delta = history delta": () => versions === entries });
    console.log(
      `${name}: version +${versions}, history +${entries} (${versions === entries ? "no lost update" : "LOST UPDATE"})`,
    );
  };

  return { options, setup, iteration, teardown };
}

function verifyState(defs, scenario, scope, state) {
  const verify = scenario.verify;
  const got = runStep(
    defs,
    callerOf(scenario),
    { operation: verify.operation, variables: verify.variables },
    scope,
    state,
  );
  if (!got.ok) fail(`${verify.operation} failed`);
  const history = extract(got.data, verify.history);
  return {
    version: Number(extract(got.data, verify.version)),
    history: Array.isArray(history) ? history.length : -1,
  };
}
