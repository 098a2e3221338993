import {
  handle,
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitStateRepublished,
  OrgUnitUpdated,
  RegisterCountSet,
  type DomainHandler,
  type ReceivedEvent,
} from "@grassroots/events";
import { roundsBy } from "@grassroots/kit/validation";
import type { OrgUnitChange, OrgUnitProjectionWriter } from "./apply";
import { orgUnitViewOf, type OrgUnitProjection, type OrgUnitState } from "./units";

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

/** A unit whose newer state was applied, with the row as it was before. */
export interface AppliedOrgUnit {
  view: OrgUnitProjection;
  before: OrgUnitChange["before"];
}

/**
 * What a service does after newer states were applied (personnel re-evaluates staffing): called with
 * the units applied together, each at most once, in event order; one by one, with a list of one.
 */
export type AfterOrgUnitsApplied<Tx> = (tx: Tx, changes: AppliedOrgUnit[]) => Promise<void>;

/**
 * A batch's units in rounds: round k holds each unit's k-th state, so one unit's states are applied
 * in their order (and `after` sees each one with its own `before`), as one by one would.
 */
export function roundsByUnit(views: OrgUnitProjection[]): OrgUnitProjection[][] {
  return roundsBy(views, (view) => view.id);
}

/**
 * The projection's handlers for a service's consumer (`consumerOf(group, transactionOf, [...])`): each
 * org-unit event's state is applied through `tx.units` (newer versions only); `after` runs, in the same
 * transaction, only for states that were newer. The six share one batch form: a backlog's units are
 * applied in one upsert per round (`tx.units.applyMany`) and `after` is called once per round with the
 * round's applied units, so a reaction can work set-wise (a national tree's backlog: one call per
 * few hundred units, not one per unit).
 */
export function orgUnitProjectionHandlers<Tx extends { units: OrgUnitProjectionWriter }>(
  after?: AfterOrgUnitsApplied<Tx>,
): DomainHandler<Tx>[] {
  const applyOne = async (tx: Tx, view: OrgUnitProjection) => {
    const { applied, before } = await tx.units.apply(view);
    if (applied && after) await after(tx, [{ view, before }]);
  };
  const handleBatch = async (events: ReceivedEvent<OrgUnitState>[], tx: Tx) => {
    const views = events.map((e) => orgUnitViewOf(e.data));
    if (!tx.units.applyMany) {
      for (const view of views) await applyOne(tx, view);
      return;
    }
    for (const round of roundsByUnit(views)) {
      const changes = await tx.units.applyMany(round);
      const applied = changes.flatMap(({ applied, before }, i) =>
        applied ? [{ view: round[i], before }] : [],
      );
      if (after && applied.length) await after(tx, applied);
    }
  };
  return orgUnitEvents.map((contract) => ({
    ...handle(contract, (event, tx: Tx) => applyOne(tx, orgUnitViewOf(event.data))),
    handleBatch,
  }));
}
