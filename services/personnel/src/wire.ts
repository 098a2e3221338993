import type { SubgraphWiring } from "@grassroots/events";
import type { DataSource } from "typeorm";
import { createServices } from "./db/services";
import { systemPolicy } from "./domain/access-policy";
import { republishStaff } from "./domain/commands/republish-staff";
import type { Clock, PersonnelServices, PersonnelSettings } from "./domain/ports";
import { personnelConsumer } from "./events/consumers";
import { ruleStatusTask } from "./events/rule-status-task";
import { buildPersonnelSchema } from "./schema/build-schema";

export interface PersonnelWiring extends SubgraphWiring {
  services: PersonnelServices;
}

/**
 * What the subgraph bootstrap runs for personnel (main.ts, and the tests' harness with a test clock):
 * the schema over the services, the consumer of organization's units and training's certificates, and
 * the periodic check of the time-driven rules (R5 overdue filings, R7 posts pending training too long).
 */
export async function wirePersonnel(
  dataSource: DataSource,
  settings: PersonnelSettings,
  clock?: Clock,
): Promise<PersonnelWiring> {
  const services = createServices(dataSource, settings, clock);
  return {
    schema: await buildPersonnelSchema(services),
    consumers: [personnelConsumer(services)],
    tasks: [ruleStatusTask(services)],
    services,
    commands: {
      "republish-staff": {
        describe:
          ": publishes every person's and post's current state again, for rebuilt projections elsewhere",
        run: async () => {
          const { statisticians, assignments } = await republishStaff(
            services.uow,
            systemPolicy("republish-staff"),
          );
          return `staff republished: ${statisticians} statisticians, ${assignments} assignments`;
        },
      },
    },
  };
}
