import { writeFileSync } from "node:fs";
import { asyncApiPath, renderAsyncApi } from "../asyncapi/document";

writeFileSync(asyncApiPath, renderAsyncApi());
console.error(`wrote ${asyncApiPath}`);
