import type { SubgraphWiring } from "@grassroots/events";
import type { DataSource } from "typeorm";
import { createServices } from "./db/services";
import type { Clock, OrganizationServices } from "./domain/ports";
import { buildOrganizationSchema } from "./schema/build-schema";

export interface OrganizationWiring extends SubgraphWiring {
  /** The ports the schema calls into (tests and tools use them directly). */
  services: OrganizationServices;
}

/**
 * What the service contributes once its database is open: its ports and its schema. Organization
 * consumes no events; it publishes through the outbox relay the bootstrap runs. The one wiring of
 * main.ts and of the test harness.
 */
export async function wireOrganization(dataSource: DataSource, clock?: Clock): Promise<OrganizationWiring> {
  const services = createServices(dataSource, clock);
  return { schema: await buildOrganizationSchema(services), services };
}
