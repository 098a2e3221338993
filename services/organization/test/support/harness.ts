import "reflect-metadata";
import { createLogger, type Identity, orgUnitHomePath, orgUnitIdForCode, runMigrations, startSubgraphServer } from "@grassroots/kit";
import {
  callSubgraph,
  countQueries,
  createTestDatabase,
  fingerprint as fingerprintTables,
  type GraphQLResult,
  identityAt,
  type QueryCounter,
  type TestDatabase,
  testEnv,
} from "@grassroots/testing";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { DataSource } from "typeorm";
import { createOrganizationDataSource } from "../../src/db/data-source";
import { createServices } from "../../src/db/services";
import { parseDivisionCsv } from "../../src/domain/import/csv";
import { importDivisions, type ImportReport } from "../../src/domain/import/import-divisions";
import type { OrganizationServices } from "../../src/domain/ports";
import { buildOrganizationSchema } from "../../src/schema/build-schema";

export const ORDOS_CSV = resolve(__dirname, "../../../../../shared/domain/ordos-divisions.csv");

export interface Harness {
  url: string;
  db: TestDatabase;
  dataSource: DataSource;
  services: OrganizationServices;
  queries: QueryCounter;
  /** Calls the subgraph as the gateway would, for this identity (loosely typed results, as callSubgraph). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** A throwaway database, migrated, and the subgraph served in-process on a free port. */
export async function startHarness(): Promise<Harness> {
  const db = await createTestDatabase("organization");
  const logger = createLogger("organization-test", "silent");
  const dataSource = createOrganizationDataSource(db.url, 4);
  await dataSource.initialize();
  await runMigrations(dataSource, logger);
  const queries = countQueries(dataSource);
  const services = createServices(dataSource);
  const server = await startSubgraphServer({
    name: "organization",
    port: 0,
    production: false,
    internalSecret: testEnv.internalSecret,
    schema: await buildOrganizationSchema(services),
    logger,
    readiness: [],
    homePathOf: orgUnitHomePath(dataSource),
  });
  return {
    url: server.url,
    db,
    dataSource,
    services,
    queries,
    call: (query, variables = {}, identity) => callSubgraph(server.url, query, variables, identity),
    async stop() {
      await server.stop();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

export const idOf = orgUnitIdForCode;

/** An identity at the unit with this division code. */
export const as = identityAt;

export const CITY = "150600000000";
export const DONGSHENG = "150602000000";
export const DALATE = "150621000000";
export const ZHUNGEER = "150622000000";

export const cityAdmin = as("CITY_ADMIN", CITY);

export async function importOrdos(services: OrganizationServices): Promise<ImportReport> {
  const rows = parseDivisionCsv(readFileSync(ORDOS_CSV, "utf8"));
  return importDivisions(services.uow, services.clock, rows, { actor: "test" });
}

/** Every business table of this service, and the outbox. */
export const TABLES = [
  "org_unit",
  "register_count_history",
  "standardization_standard",
  "standard_item",
  "standardization_assessment",
  "assessment_item",
  "outbox",
];

/** A fingerprint of every business table and the outbox: equal before and after means nothing was written. */
export const fingerprint = (dataSource: DataSource) => fingerprintTables(dataSource, TABLES);

export { expectError, outboxTypes } from "@grassroots/testing";
