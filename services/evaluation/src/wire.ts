import type { PeriodicTask, SubgraphWiring } from "@grassroots/events";
import type { DataSource } from "typeorm";
import { createServices, type ServiceOptions } from "./db/services";
import { transactionOf } from "./db/unit-of-work";
import type { EvaluationServices } from "./domain/ports";
import { evaluationConsumer } from "./events/consumers";
import { buildEvaluationSchema } from "./schema/build-schema";

export interface EvaluationWiring extends SubgraphWiring {
  /** The ports the schema calls into (the seed and the tests use them directly). */
  services: EvaluationServices;
  tasks: PeriodicTask[];
}

/**
 * What the subgraph bootstrap runs for evaluation (main.ts, and the tests' harness with a test clock):
 * the schema over the services, the consumer of organization's units and every rule status event, and
 * the periodic checks. The outbox relay is the bootstrap's.
 */
export async function wireEvaluation(
  dataSource: DataSource,
  options: ServiceOptions = {},
): Promise<EvaluationWiring> {
  const services = createServices(dataSource, options);
  return {
    schema: await buildEvaluationSchema(services),
    consumers: [evaluationConsumer(transactionOf)],
    tasks: [],
    services,
  };
}
