import { printSdlOf } from "@grassroots/kit";
import { buildEvaluationSchema } from "./build-schema";

/** The subgraph SDL as composition sees it (the content of schema.graphql). */
export const printSubgraphSdl = (): Promise<string> => printSdlOf(buildEvaluationSchema);
