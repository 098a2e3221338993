import type { SubgraphWiring } from "@grassroots/events";
import type { DataSource } from "typeorm";
import { createServices } from "./db/services";
import type { Clock, PersonnelServices, PersonnelSettings } from "./domain/ports";
import { personnelConsumer } from "./events/consumers";
import { buildPersonnelSchema } from "./schema/build-schema";

export interface PersonnelWiring extends SubgraphWiring {
  services: PersonnelServices;
}

/**
 * What the subgraph bootstrap runs for personnel (main.ts, and the tests' harness with a test clock):
 * the schema over the services, and the consumer of organization's units and training's certificates.
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
    services,
  };
}
