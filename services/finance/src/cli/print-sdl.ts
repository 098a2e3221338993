import "reflect-metadata";
import { writeSdlCommand } from "@grassroots/kit";
import { resolve } from "node:path";
import { printSubgraphSdl } from "../schema/print-sdl";

// pnpm print-sdl: writes schema.graphql (committed; a test fails when it is stale). Needs no database.
writeSdlCommand(printSubgraphSdl, resolve(__dirname, "../../schema.graphql"));
