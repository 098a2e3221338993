import { parseArgs } from "@grassroots/kit";
import { testEnv } from "@grassroots/testing";
import { writeFileSync } from "node:fs";
import { generate } from "../generate/generator";
import { progress } from "../generate/progress";
import { startBench } from "../generate/suite";
import { PARAMS } from "../scenarios/definitions";

// node dist/cli/up.js [--scale city] [--minutes 30] [--info /tmp/grassroots-load-suite.json]
// A throwaway suite with the city data, kept up for a bounded time (for the k6 scripts, the Node
// runner's `run` command, or a look with psql); everything is dropped at the end or on Ctrl-C.
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const minutes = Math.min(240, Number(args.minutes ?? 30));
  const info = args.info ?? "/tmp/grassroots-load-suite.json";
  const bench = await startBench();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    progress("stopping the suite and dropping its databases");
    await bench.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  try {
    await generate(bench, (args.scale ?? "city") as "city", 900);
    const tokens = {
      CITY_ADMIN: await bench.suite.token("CITY_ADMIN", String(PARAMS.cityCode)),
      BANNER_ADMIN: await bench.suite.token("BANNER_ADMIN", String(PARAMS.bannerCode)),
    };
    const details = {
      gatewayUrl: bench.suite.gatewayUrl,
      subgraphUrls: bench.suite.subgraphUrls,
      databases: Object.fromEntries(Object.entries(bench.suite.databases).map(([s, d]) => [s, d.url])),
      internalSecret: testEnv.internalSecret,
      tokens,
      tokensExpireInMinutes: 10,
      until: new Date(Date.now() + minutes * 60_000).toISOString(),
    };
    writeFileSync(info, `${JSON.stringify(details, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(details, null, 2)}\n`);
    progress(`suite up for ${minutes} min (details in ${info}); Ctrl-C stops it earlier`);
    await new Promise((r) => setTimeout(r, minutes * 60_000));
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
