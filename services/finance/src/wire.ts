import type { SubgraphWiring } from "@grassroots/events";
import type { Clock } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { createServices } from "./db/services";
import { transactionOf } from "./db/unit-of-work";
import { r8DueDateCheck } from "./domain/r8-status/publish-r8";
import type { FinanceServices } from "./domain/ports";
import { financeConsumer } from "./events/consumers";
import { buildFinanceSchema } from "./schema/build-schema";

export interface FinanceWiring extends SubgraphWiring {
  /** The ports the schema calls into (the seed, the CLI and the tests use them directly). */
  services: FinanceServices;
}

/**
 * What the subgraph bootstrap runs for finance (main.ts, and the tests' harness with a test clock):
 * the schema over the services, the consumer of organization's units, personnel's posts and
 * evaluation's results, and the periodic R8 check (an instalment passing its due date unpaid flips a
 * banner's status without any request). The outbox relay is the bootstrap's.
 */
export async function wireFinance(
  dataSource: DataSource,
  options: { clock?: Clock; r8CheckEveryMs?: number } = {},
): Promise<FinanceWiring> {
  const services = createServices(dataSource, options);
  return {
    schema: await buildFinanceSchema(services),
    consumers: [financeConsumer(transactionOf, services.clock)],
    tasks: [r8DueDateCheck(services, options.r8CheckEveryMs ?? 600_000)],
    services,
  };
}
