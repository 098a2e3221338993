import {
  handle,
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitStateRepublished,
  OrgUnitUpdated,
  RegisterCountSet,
  type DomainHandler,
} from "@grassroots/events";
import type { OrgUnitChange, OrgUnitProjectionWriter } from "./apply";
import { orgUnitViewOf, type OrgUnitProjection } from "./units";

/**
 * The org-unit events: each carries the unit's full state (a move, one per descendant moved); a
 * republished state rebuilds a projection (applied like the others: only when newer than the row).
 */
const orgUnitEvents = [
  OrgUnitCreated,
  OrgUnitUpdated,
  OrgUnitMoved,
  OrgUnitDeactivated,
  RegisterCountSet,
  OrgUnitStateRepublished,
];

/** The CloudEvents types the projection handles. */
export const ORG_UNIT_EVENT_TYPES: readonly string[] = orgUnitEvents.map((c) => c.type);

/** What a service does after a newer state was applied (personnel re-evaluates staffing). */
export type AfterOrgUnitApplied<Tx> = (
  tx: Tx,
  change: { view: OrgUnitProjection; before: OrgUnitChange["before"] },
) => Promise<void>;

/**
 * The projection's handlers for a service's consumer (`consumerOf(group, transactionOf, [...])`): each
 * org-unit event's state is applied through `tx.units` (newer versions only); `after` runs, in the same
 * transaction, only when the state was newer.
 */
export function orgUnitProjectionHandlers<Tx extends { units: OrgUnitProjectionWriter }>(
  after?: AfterOrgUnitApplied<Tx>,
): DomainHandler<Tx>[] {
  return orgUnitEvents.map((contract) =>
    handle(contract, async (event, tx: Tx) => {
      const view = orgUnitViewOf(event.data);
      const { applied, before } = await tx.units.apply(view);
      if (applied && after) await after(tx, { view, before });
    }),
  );
}
