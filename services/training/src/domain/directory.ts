import type {
  AssignmentStarted,
  AssignmentStatuses,
  EventData,
  StatisticianRegistered,
  StatisticianRoles,
} from "@grassroots/events/contracts";
import {
  COUNTY_LEVEL_KINDS,
  describeUnit,
  type OrgUnitKind,
  type OrgUnitProjection,
} from "@grassroots/org-projection/units";

/**
 * What this service knows about other services' data, from their events (src/events/consumers.ts → src/domain/reactions):
 * the org tree and who serves where. Used for scoping, validation and R6 denominators.
 */

export type { OrgUnitKind };

/**
 * A unit as projected (@grassroots/org-projection, the one projection of every service that consumes
 * organization's units). `path` holds the ancestor ids and own id, each followed by "/": a subtree is
 * a string prefix.
 */
export type OrgUnitRef = OrgUnitProjection;

/** The city bureau or a banner/district bureau: the only units that organise training. */
export const ORGANIZER_KINDS: readonly OrgUnitKind[] = ["CITY", "DISTRICT", "BANNER"];
/** The county-level units R6 counts coverage for. */
export const COUNTY_KINDS: readonly OrgUnitKind[] = COUNTY_LEVEL_KINDS;

/** A statistician's current post (an assignment that has not ended), with the unit's current path. */
export interface Post {
  assignmentId: string;
  statisticianId: string;
  orgUnitId: string;
  path: string;
  role: (typeof StatisticianRoles)[number];
  status: (typeof AssignmentStatuses)[number];
}

export interface StatisticianRef {
  id: string;
  name: string;
}

/** A person as personnel's statistician events carry them: training keeps the name (for messages). */
export type StatisticianState = Pick<
  EventData<typeof StatisticianRegistered>,
  "statisticianId" | "name" | "version"
>;

/** An assignment's state as personnel's assignment events carry it. */
export type AssignmentState = EventData<typeof AssignmentStarted>;

export { describeUnit };
