import type { PeriodicTask, SubgraphWiring } from "@grassroots/events";
import type { DataSource } from "typeorm";
import { createServices, type ServiceOptions } from "./db/services";
import { transactionOf } from "./db/unit-of-work";
import type { EvaluationServices } from "./domain/ports";
import { flagFindings } from "./domain/commands/flag-findings";
import { publishBannersR11 } from "./domain/commands/publish-banners-r11";
import { flagOverdueProblems } from "./domain/commands/flag-overdue-problems";
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
  options: ServiceOptions & { checkEveryMs?: number } = {},
): Promise<EvaluationWiring> {
  const services = createServices(dataSource, options);
  const everyMs = options.checkEveryMs ?? 60_000;
  return {
    schema: await buildEvaluationSchema(services),
    consumers: [evaluationConsumer(transactionOf)],
    tasks: [
      {
        name: "r11-problems-overdue",
        everyMs,
        run: async () => {
          await flagOverdueProblems(services.uow, services.clock);
          await publishBannersR11(services.uow, services.clock);
        },
      },
      {
        name: "r13-findings-overdue-escalated",
        everyMs,
        run: async () => void (await flagFindings(services.uow, services.clock, services.escalateAfterDays)),
      },
    ],
    services,
  };
}
