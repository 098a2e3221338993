import "reflect-metadata";
import { orgUnitIdForCode } from "@grassroots/kit";
import { identityAt, startSubgraphHarness, type SubgraphHarness } from "@grassroots/testing";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createOrganizationDataSource } from "../../src/db/data-source";
import { parseDivisionCsv } from "../../src/domain/import/csv";
import { importDivisions, type ImportReport } from "../../src/domain/commands/import-divisions";
import type { OrganizationServices } from "../../src/domain/ports";
import { wireOrganization, type OrganizationWiring } from "../../src/wire";

export const ORDOS_CSV = resolve(__dirname, "../../../../../shared/domain/ordos-divisions.csv");

/** Every business table of this service (the harness adds the outbox). */
export const TABLES = [
  "org_unit",
  "register_count_history",
  "standardization_standard",
  "standard_item",
  "standardization_assessment",
  "assessment_item",
  "idempotency_key",
  "division_import_result",
  "rule_status_published",
];

/**
 * @grassroots/testing's subgraph harness (call, expectRefused, fingerprint, queries, …) and this
 * service's ports.
 */
export interface Harness extends SubgraphHarness<OrganizationWiring> {
  services: OrganizationServices;
}

/**
 * The subgraph in-process through the same bootstrap and wiring as its process, on a throwaway
 * database (migrated at start). Organization consumes no events, so no Kafka.
 */
export async function startHarness(): Promise<Harness> {
  const harness = await startSubgraphHarness({
    name: "organization",
    createDataSource: createOrganizationDataSource,
    wire: (dataSource) => wireOrganization(dataSource),
    tables: TABLES,
    poolSize: 4,
  });
  return Object.assign(harness, { services: harness.wiring.services });
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

export { expectError, outboxTypes } from "@grassroots/testing";
