import { printSdlOf } from "@grassroots/kit";
import { buildFinanceSchema } from "./build-schema";

/** The subgraph SDL as composition sees it (the content of schema.graphql). */
export const printSubgraphSdl = (): Promise<string> => printSdlOf(buildFinanceSchema);
