import { parseArgs } from "@grassroots/kit";
import { readFileSync } from "node:fs";
import { callerOf, gatewayEndpoint, hs256Tokens } from "../driver/endpoint";
import { newState, runFlows } from "../driver/runner";
import { runSetup } from "../driver/steps";
import { progress } from "../generate/progress";
import { PARAMS, SCENARIOS } from "../scenarios/definitions";
import type { Json } from "../scenarios/template";

// node dist/cli/run.js --url http://127.0.0.1:4000/graphql (--jwt-secret S | --tokens tokens.json)
//                      [--scenarios a,b] [--connections N] [--duration S] [--param cityCode=…]
// The Node driver against a running gateway (e.g. infra/suite-up.sh's): the scenarios' setup, then
// closed-loop load with autocannon; one JSON line per scenario on stdout. Traffic goes only where --url
// points; the benchmark (bench.js) adds the suite, the data and the other measurements.
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = args.url ?? "http://127.0.0.1:4000/graphql";
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host) && args["allow-remote"] !== "yes") {
    throw new Error(`--url points at ${host}; pass --allow-remote yes to load another machine`);
  }
  let tokenFor: (caller: { role: string; home: string }) => Promise<string>;
  if (args.tokens) {
    const tokens = JSON.parse(readFileSync(args.tokens, "utf8")) as Record<string, string>;
    tokenFor = async (caller) => {
      const token = tokens[caller.role];
      if (!token) throw new Error(`no ${caller.role} token in ${args.tokens}`);
      return token;
    };
  } else if (args["jwt-secret"] || process.env.JWT_SECRET) {
    tokenFor = hs256Tokens(args["jwt-secret"] ?? process.env.JWT_SECRET!) as typeof tokenFor;
  } else {
    throw new Error("pass --jwt-secret (HS256 development gateway) or --tokens <file with {ROLE: jwt}>");
  }
  const params: Record<string, Json> = { ...PARAMS };
  for (const pair of (args.param ?? "").split(",").filter(Boolean)) {
    const [k, v] = pair.split("=");
    params[k] = v;
  }
  const endpoint = gatewayEndpoint(url, tokenFor as Parameters<typeof gatewayEndpoint>[1]);
  const wanted = args.scenarios?.split(",");
  for (const scenario of SCENARIOS.filter((s) => !wanted || wanted.includes(s.name))) {
    const state = newState();
    const caller = callerOf(scenario.identity, params, state);
    progress(`${scenario.name}: setup`);
    const fixtures = await runSetup(endpoint, caller, scenario.setup, params, state);
    const connections = Number(args.connections ?? scenario.load.connections);
    const durationSeconds = Math.min(600, Number(args.duration ?? scenario.load.durationSeconds));
    progress(`${scenario.name}: ${connections} connections for ${durationSeconds} s`);
    const result = await runFlows({
      endpoint,
      caller,
      flows: scenario.flows,
      scope: { ...params, ...fixtures },
      connections,
      durationSeconds,
      maxIterations: scenario.load.maxIterations,
      state,
    });
    const p95ok =
      scenario.thresholds.p95Ms === undefined ||
      (result.latencyMs.p95 ?? Infinity) < scenario.thresholds.p95Ms;
    const errorsOk = result.errorRate <= scenario.thresholds.maxErrorRate;
    process.stdout.write(
      `${JSON.stringify({ scenario: scenario.name, thresholdsMet: p95ok && errorsOk, ...result })}\n`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
