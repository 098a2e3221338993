import { expectRefused as expectRefusedIn, type GraphQLResult } from "@grassroots/testing";
import type { DataSource } from "typeorm";
import { TABLES } from "./harness";

/**
 * Runs a call that must be refused: asserts the error code, and that no business row and no outbox row
 * changed. Returns the message so a test can check it names what the clerk must fix.
 */
export const expectRefused = (
  dataSource: DataSource,
  code: string,
  call: () => Promise<GraphQLResult>,
): Promise<string> => expectRefusedIn(dataSource, TABLES, code, call);
