import { forbidden, notFoundInArea } from "@grassroots/kit/errors";
import { actorName, type Access, type Identity, type Role } from "@grassroots/kit/identity";
import type { Filing, FilingStepName } from "./filing";
import { isParty, STEP_ROLES, WRITER_ROLES, type FilingParty } from "../rules/r5-level-by-level-filing";
import type { Scope } from "./ports";

/**
 * Who may do what in personnel (deny by default). Reads are scoped in SQL to the caller's subtree.
 *
 * - Staff changes (register a person, appoint, transfer, change a role, end a post) and resubmitting a
 *   returned filing: CITY_ADMIN, BANNER_ADMIN or UNIT_CLERK, for targets inside their own area.
 * - R5 steps: forwarding a village-level filing is for a UNIT_CLERK whose home unit is the village's
 *   township; filing or returning is for a BANNER_ADMIN whose home unit is the filing's banner (the
 *   banner bureau, 旗区统计局). Nobody else takes those steps, the city bureau included.
 * - INSPECTOR, FINANCE_OFFICER: read-only.
 * - Personal data (ID number, phone) in full: CITY_ADMIN, BANNER_ADMIN, UNIT_CLERK (who only ever see
 *   people in their own area); masked for everyone else.
 *
 * Every command refuses in the kit's one order (see Access): (1) the role, FORBIDDEN naming the roles
 * that may; (2) the area: a target (person, post, filing, unit) missing or outside the caller's area is
 * NOT_FOUND, worded the same for both and for reads and writes alike; then (for R5) the party; (3) only
 * then the input is validated.
 */
export interface PersonnelPolicy {
  /** Recorded as who made the change (user id, or the name of a tool). */
  readonly actorId: string;
  /** Recorded beside actorId: the user's display name (the token's `name`, else the subject; a tool's name). */
  readonly actorName: string;
  /** The caller's subtree, for checks that a referenced person is in reach. */
  readonly scope: Scope;
  /** (1) A role that may change staff records at all (CITY_ADMIN, BANNER_ADMIN, UNIT_CLERK). */
  requireWriter(action: string): void;
  /** (1) The role that takes this R5 step (FORWARD: UNIT_CLERK; FILE, RETURN: BANNER_ADMIN; RESUBMIT: writers). */
  requireStepRole(step: Exclude<FilingStepName, "SUBMIT">): void;
  /** (2) NOT_FOUND via the kit's notFoundInArea unless the target exists and lies in the caller's area. */
  requireInArea(targetPath: string | null | undefined, what: string, key: string): void;
  /** After the area: the party the R5 state machine names for the step (the township, the banner bureau). */
  filingParty(party: FilingParty, filing: Pick<Filing, "townshipId" | "bannerId">): void;
  /** (1) A city-level decision (republishing every rule status): CITY_ADMIN only. */
  cityDecision(action: string): void;
}

export { WRITER_ROLES };
export const PERSONAL_DATA_ROLES: readonly Role[] = ["CITY_ADMIN", "BANNER_ADMIN", "UNIT_CLERK"];

const STEP_WORDS: Record<Exclude<FilingStepName, "SUBMIT">, string> = {
  FORWARD: "forward filings (R5: a village-level filing is forwarded by its township)",
  FILE: "file filings (R5: the banner bureau files them)",
  RETURN: "return filings (R5: the banner bureau returns them)",
  RESUBMIT: "resubmit filings",
};

export const seesPersonalData = (identity: Identity | undefined): boolean =>
  !!identity && identity.roles.some((r) => PERSONAL_DATA_ROLES.includes(r));

export function policyFor(access: Access): PersonnelPolicy {
  return {
    actorId: access.identity.userId,
    actorName: actorName(access.identity),
    scope: access.scopePrefix,
    requireWriter: (action) => access.requireRole(action, ...WRITER_ROLES),
    requireStepRole: (step) => access.requireRole(STEP_WORDS[step], ...STEP_ROLES[step]),
    requireInArea: (path, what, key) => access.requireInArea(path, what, key),
    cityDecision: (action) => access.requireRole(action, "CITY_ADMIN"),
    filingParty(party, filing) {
      const home = access.identity.orgUnitId;
      // The caller sees the filing's unit, but not necessarily the township or banner: neither is named.
      if (isParty(party, home, filing)) return;
      if (party === "TOWNSHIP") {
        throw forbidden(
          "R5: a village-level filing is confirmed and forwarded by its township: only a UNIT_CLERK whose home unit is that township may forward it.",
        );
      }
      if (party === "BANNER_BUREAU") {
        throw forbidden(
          "R5: filings are filed or returned by the banner bureau: only a BANNER_ADMIN whose home unit is the filing's banner may do it.",
        );
      }
    },
  };
}

/** Command-line tools and event reactions act as the system: everything in reach, audited by name. */
export function systemPolicy(actorId: string): PersonnelPolicy {
  return {
    actorId,
    actorName: actorId,
    scope: "",
    requireWriter() {},
    requireStepRole() {},
    requireInArea(path, what, key) {
      if (!path) throw notFoundInArea(what, key);
    },
    filingParty() {},
    cityDecision() {},
  };
}
