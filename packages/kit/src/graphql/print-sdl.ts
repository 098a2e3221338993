import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";
import { writeFileSync } from "node:fs";

/**
 * A subgraph's SDL as composition sees it (the content of its committed schema.graphql). Building the
 * schema only needs its shape: the services handed to `build` throw if anything touches them.
 */
export async function printSdlOf<S extends object>(
  build: (services: S) => Promise<GraphQLSchema>,
): Promise<string> {
  const unused = new Proxy({} as S, {
    get: () => {
      throw new Error("printing the SDL does not touch services");
    },
  });
  return `${printSubgraphSchema(await build(unused))}\n`;
}

/** Entry point of a service's `print-sdl` command: writes the SDL to `target`; exit 1 on failure. */
export function writeSdlCommand(print: () => Promise<string>, target: string): void {
  print()
    .then((sdl) => {
      writeFileSync(target, sdl);
      process.stdout.write(`wrote ${target}\n`);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
