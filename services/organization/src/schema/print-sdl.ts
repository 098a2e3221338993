import { printSubgraphSchema } from "@apollo/subgraph";
import type { OrganizationServices } from "../domain/ports";
import { buildOrganizationSchema } from "./build-schema";

/** Services that are never called: printing the schema only needs its shape. */
const unused = new Proxy({} as OrganizationServices, {
  get: () => {
    throw new Error("print-sdl does not touch services");
  },
});

/** The subgraph SDL as composition sees it (the content of schema.graphql). */
export async function printSubgraphSdl(): Promise<string> {
  return `${printSubgraphSchema(await buildOrganizationSchema(unused))}\n`;
}
