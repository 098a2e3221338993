import {
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStarted,
  on,
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitUpdated,
  RegisterCountSet,
  StatisticianRegistered,
  StatisticianUpdated,
  type EventHandler,
} from "@grassroots/events";
import { projectAssignment, projectOrgUnit, projectStatistician } from "../db/repositories/projection.writes";

/**
 * Kafka consumer group (and inbox namespace) of the projections. It carries the environment's topic
 * prefix: environments and test runs that share a broker must not share a group either (a group's
 * assignment spans every member's subscriptions).
 */
/** Consumer group (the events package puts the topic prefix in front). */
export const PROJECTIONS_GROUP = "training.projections";

/**
 * What training learns from the other services. Every org-unit event carries the unit's full state
 * (a move publishes one event per descendant whose path changed), every assignment event the
 * assignment's: each is an upsert guarded by version.
 */
export function projectionHandlers(): EventHandler[] {
  const unit = (e: { data: Parameters<typeof projectOrgUnit>[1] }, m: Parameters<typeof projectOrgUnit>[0]) =>
    projectOrgUnit(m, e.data);
  const assignment = (
    e: { data: Parameters<typeof projectAssignment>[1] },
    m: Parameters<typeof projectAssignment>[0],
  ) => projectAssignment(m, e.data);
  return [
    on(OrgUnitCreated, unit),
    on(OrgUnitUpdated, unit),
    on(OrgUnitMoved, unit),
    on(OrgUnitDeactivated, unit),
    on(RegisterCountSet, unit),
    on(StatisticianRegistered, (e, m) => projectStatistician(m, e.data)),
    on(StatisticianUpdated, (e, m) => projectStatistician(m, e.data)),
    on(AssignmentStarted, assignment),
    on(AssignmentActivated, assignment),
    on(AssignmentChanged, assignment),
    on(AssignmentEnded, assignment),
  ];
}
