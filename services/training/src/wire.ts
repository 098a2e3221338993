import type { SubgraphWiring } from "@grassroots/events";
import type { Clock } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { createServices } from "./db/services";
import { transactionOf } from "./db/unit-of-work";
import type { TrainingServices } from "./domain/ports";
import { trainingConsumer } from "./events/consumers";
import { ruleStatusTask } from "./events/rule-status-task";
import type { RuleStatusSettings } from "./domain/rule-status/ports";
import type { PassRule } from "./rules/r7-pre-post-training";
import { buildTrainingSchema } from "./schema/build-schema";

export interface TrainingWiring extends SubgraphWiring {
  /** The ports the schema calls into (the seed and the tests use them directly). */
  services: TrainingServices;
}

/**
 * What the subgraph bootstrap runs for training (main.ts, and the tests' harness with a test clock):
 * the schema over the services, and the consumer of organization's units and personnel's people and
 * posts, and the periodic check of R6's rule statuses. The outbox relay is the bootstrap's.
 */
export async function wireTraining(
  dataSource: DataSource,
  options: { clock?: Clock; passRule?: PassRule; ruleStatus?: RuleStatusSettings } = {},
): Promise<TrainingWiring> {
  const services = createServices(dataSource, options);
  return {
    schema: await buildTrainingSchema(services),
    consumers: [trainingConsumer(transactionOf)],
    tasks: [ruleStatusTask(services)],
    services,
  };
}
