import type { GraphQLResult } from "@grassroots/testing";
import type { DataSource } from "typeorm";
import { expectError, fingerprint } from "./harness";

/**
 * Runs a call that must be refused: asserts the error code, and that no business row and no outbox row
 * changed. Returns the message so a test can check it names what the clerk must fix.
 */
export async function expectRefused(
  dataSource: DataSource,
  code: string,
  call: () => Promise<GraphQLResult>,
): Promise<string> {
  const before = await fingerprint(dataSource);
  const result = await call();
  const message = expectError(result, code);
  expect(await fingerprint(dataSource)).toBe(before);
  return message;
}
