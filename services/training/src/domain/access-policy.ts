import { forbidden, type Access } from "@grassroots/kit";
import { describeUnit, type OrgUnitRef } from "./directory";

/**
 * Who may manage training (deny by default). Reads are filtered in SQL instead (src/db/repositories/visibility.ts).
 *
 * - A session is managed (planned, opened, completed, cancelled, its enrolments and results) by the
 *   organizer's own bureau — a BANNER_ADMIN whose home unit IS the organizer — or by a CITY_ADMIN
 *   whose area contains the organizer (the city bureau manages every session of the city).
 * - UNIT_CLERK, INSPECTOR and FINANCE_OFFICER read only.
 */
export interface TrainingPolicy {
  /** The actor recorded in audit columns (user id, or the name of a command-line tool). */
  readonly actorId: string;
  manage(organizer: OrgUnitRef, action: string): void;
}

export function policyFor(access: Access): TrainingPolicy {
  return {
    actorId: access.identity.userId,
    manage(organizer, action) {
      if (access.hasRole("CITY_ADMIN") && access.covers(organizer.path)) return;
      if (access.hasRole("BANNER_ADMIN") && access.homePath === organizer.path) return;
      if (!access.hasRole("CITY_ADMIN", "BANNER_ADMIN")) {
        throw forbidden(`Only the organizing bureau or the city bureau may ${action}; your role (${access.identity.roles.join(", ")}) may not.`);
      }
      throw forbidden(`Only the bureau of ${describeUnit(organizer)} or the city bureau may ${action}.`);
    },
  };
}

/** Command-line tools (seed) act as the system: every change is allowed and audited by name. */
export function systemPolicy(actorId: string): TrainingPolicy {
  return { actorId, manage() {} };
}
