import "reflect-metadata";
import { createLogger, orgUnitIdForCode, runMigrations, startSubgraphServer, type Identity, type Role } from "@grassroots/kit";
import { callSubgraph, createTestDatabase, testEnv, type GraphQLResult, type TestDatabase } from "@grassroots/testing";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { DataSource, Logger as TypeOrmLogger } from "typeorm";
import { createOrganizationDataSource, homePathLookup } from "../../src/db/data-source";
import { createServices } from "../../src/db/services";
import { parseDivisionCsv } from "../../src/domain/import/csv";
import { importDivisions, type ImportReport } from "../../src/domain/import/import-divisions";
import type { OrganizationServices } from "../../src/domain/ports";
import { buildOrganizationSchema } from "../../src/schema/build-schema";

export const ORDOS_CSV = resolve(__dirname, "../../../../../shared/domain/ordos-divisions.csv");

/** Counts every SQL statement the data source sends (TypeORM calls logQuery for each, logging on or off). */
export class QueryCounter implements TypeOrmLogger {
  queries: string[] = [];
  logQuery(query: string) {
    this.queries.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export interface Harness {
  url: string;
  db: TestDatabase;
  dataSource: DataSource;
  services: OrganizationServices;
  queries: QueryCounter;
  /** Calls the subgraph as the gateway would, for this identity (loosely typed results, as callSubgraph). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** A throwaway database, migrated, and the subgraph served in-process on a free port. */
export async function startHarness(): Promise<Harness> {
  const db = await createTestDatabase("organization");
  const logger = createLogger("organization-test", "silent");
  const dataSource = createOrganizationDataSource(db.url, 4);
  await dataSource.initialize();
  await runMigrations(dataSource, logger);
  const queries = new QueryCounter();
  dataSource.setOptions({ logger: queries });
  const services = createServices(dataSource);
  const server = await startSubgraphServer({
    name: "organization",
    port: 0,
    production: false,
    internalSecret: testEnv.internalSecret,
    schema: await buildOrganizationSchema(services),
    logger,
    readiness: [],
    homePathOf: homePathLookup(dataSource),
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
export const as = (role: Role, code: string, userId = `${role.toLowerCase()}-${code}`): Identity => ({
  userId,
  roles: [role],
  orgUnitId: orgUnitIdForCode(code),
});

export const CITY = "150600000000";
export const DONGSHENG = "150602000000";
export const DALATE = "150621000000";
export const ZHUNGEER = "150622000000";

export const cityAdmin = as("CITY_ADMIN", CITY);

export async function importOrdos(services: OrganizationServices): Promise<ImportReport> {
  const rows = parseDivisionCsv(readFileSync(ORDOS_CSV, "utf8"));
  return importDivisions(services.uow, services.clock, rows, { actor: "test" });
}

/** A fingerprint of every business table and the outbox: equal before and after means nothing was written. */
export async function fingerprint(dataSource: DataSource): Promise<string> {
  const tables = ["org_unit", "register_count_history", "standardization_standard", "standard_item", "standardization_assessment", "assessment_item", "outbox"];
  const parts = await Promise.all(
    tables.map(async (t) => {
      const [row] = await dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM ${t} t`);
      return `${t}:${row.n}:${row.h}`;
    }),
  );
  return parts.join("|");
}

export async function outboxTypes(dataSource: DataSource): Promise<string[]> {
  const rows: { type: string }[] = await dataSource.query(`SELECT type FROM outbox ORDER BY seq`);
  return rows.map((r) => r.type);
}

/** Expects one error with this code; returns its message for further checks. */
export function expectError(result: GraphQLResult, code: string): string {
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  return result.errors![0].message;
}
