import { OrgUnitCreated } from "@grassroots/events";
import { waitFor } from "@grassroots/test-infra";
import type { DataSource } from "typeorm";
import type { OrgUnitStateFixture } from "./event-fixtures";
import type { SubgraphHarness } from "./subgraph-harness";

// What a consuming service's tests do to play organization and personnel: publish their events and
// wait until the service's projection holds them.

/** Waits until every id is a row of the projection table (e.g. org_unit, statistician_assignment). */
export async function waitForProjected(
  dataSource: DataSource,
  table: string,
  ids: readonly string[],
  what = `the ${table} projection`,
): Promise<void> {
  await waitFor(
    async () => {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1)`, [
        ids,
      ]);
      return n === ids.length;
    },
    what,
    30000,
    200,
  );
}

/** Publishes organization's OrgUnitCreated for each unit (keyed by its id) and waits for the org projection. */
export async function publishUnitsAndWait(
  harness: Pick<SubgraphHarness, "publish" | "dataSource">,
  states: readonly OrgUnitStateFixture[],
): Promise<void> {
  for (const state of states) await harness.publish(OrgUnitCreated, state, { key: state.id });
  await waitForProjected(
    harness.dataSource,
    "org_unit",
    states.map((u) => u.id),
    "the org projection",
  );
}
