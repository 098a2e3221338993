import type { SubgraphWiring } from "@grassroots/events";
import type { DataSource } from "typeorm";
import { createServices } from "./db/services";
import { systemPolicy } from "./domain/access-policy";
import { republishOrgUnits } from "./domain/commands/republish-org-units";
import type { Clock, OrganizationServices } from "./domain/ports";
import { buildOrganizationSchema } from "./schema/build-schema";

export interface OrganizationWiring extends SubgraphWiring {
  /** The ports the schema calls into (tests and tools use them directly). */
  services: OrganizationServices;
}

/**
 * What the service contributes once its database is open: its ports, its schema and its operators'
 * commands. Organization consumes no events; it publishes through the outbox relay the bootstrap
 * runs. The one wiring of main.ts and of the test harness.
 */
export async function wireOrganization(dataSource: DataSource, clock?: Clock): Promise<OrganizationWiring> {
  const services = createServices(dataSource, clock);
  return {
    schema: await buildOrganizationSchema(services),
    services,
    commands: {
      "republish-org-units": {
        describe: ": publishes every unit's current state again, for a rebuilt projection in another service",
        run: async () =>
          `org units republished: ${await republishOrgUnits(services.uow, systemPolicy("republish-org-units"))}`,
      },
    },
  };
}
