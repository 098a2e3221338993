import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { printSubgraphSdl } from "../schema/print-sdl";

// pnpm print-sdl: writes schema.graphql (committed; a test fails when it is stale). Needs no database.
const target = resolve(__dirname, "../../schema.graphql");
printSubgraphSdl()
  .then((sdl) => {
    writeFileSync(target, sdl);
    process.stdout.write(`wrote ${target}\n`);
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
