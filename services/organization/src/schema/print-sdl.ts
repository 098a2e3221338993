import { printSdlOf } from "@grassroots/kit";
import { buildOrganizationSchema } from "./build-schema";

/** The subgraph SDL as composition sees it (the content of schema.graphql). */
export const printSubgraphSdl = (): Promise<string> => printSdlOf(buildOrganizationSchema);
