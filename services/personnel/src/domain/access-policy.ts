import { actorName, forbidden, type Access, type Identity, type Role } from "@grassroots/kit";
import type { Filing } from "./filing";
import type { FilingParty } from "./filing-workflow";
import { describeUnit, type OrgUnitView } from "./org-unit";
import type { Scope } from "./ports";

/**
 * Who may do what in personnel (deny by default). Reads are scoped in SQL to the caller's subtree.
 *
 * - Staff changes (register a person, appoint, transfer, change a role, end a post) and resubmitting a
 *   returned filing: CITY_ADMIN, BANNER_ADMIN or UNIT_CLERK, for units inside their own area.
 * - R5 steps: forwarding a village-level filing is for a UNIT_CLERK whose home unit is the village's
 *   township; filing or returning is for a BANNER_ADMIN whose home unit is the filing's banner (the
 *   banner bureau, 旗区统计局). Nobody else takes those steps, the city bureau included.
 * - INSPECTOR, FINANCE_OFFICER: read-only.
 * - Personal data (ID number, phone) in full: CITY_ADMIN, BANNER_ADMIN, UNIT_CLERK (who only ever see
 *   people in their own area); masked for everyone else.
 */
export interface PersonnelPolicy {
  /** Recorded as who made the change (user id, or the name of a tool). */
  readonly actorId: string;
  /** Recorded beside actorId: the user's display name (the token's `name`, else the subject; a tool's name). */
  readonly actorName: string;
  /** The caller's subtree, for checks that a referenced person is in reach. */
  readonly scope: Scope;
  /** A role that may change staff records at all (CITY_ADMIN, BANNER_ADMIN, UNIT_CLERK). */
  requireWriter(action: string): void;
  /** A writer whose area includes the unit. */
  manageStaff(unit: Pick<OrgUnitView, "path" | "name" | "code">, action: string): void;
  /** A step of R5 by the party the state machine names for it. */
  filingStep(
    party: FilingParty,
    filing: Pick<Filing, "townshipId" | "bannerId" | "orgUnitPath">,
    parties: FilingParties,
  ): void;
}

/** The units that name the parties of a filing, for messages. */
export interface FilingParties {
  unit: Pick<OrgUnitView, "name" | "code"> | undefined;
  township: Pick<OrgUnitView, "name" | "code"> | undefined;
  banner: Pick<OrgUnitView, "name" | "code"> | undefined;
}

export const WRITER_ROLES: readonly Role[] = ["CITY_ADMIN", "BANNER_ADMIN", "UNIT_CLERK"];
export const PERSONAL_DATA_ROLES: readonly Role[] = ["CITY_ADMIN", "BANNER_ADMIN", "UNIT_CLERK"];

export const seesPersonalData = (identity: Identity | undefined): boolean =>
  !!identity && identity.roles.some((r) => PERSONAL_DATA_ROLES.includes(r));

const named = (unit: Pick<OrgUnitView, "name" | "code"> | undefined, fallback: string) =>
  unit ? describeUnit(unit) : fallback;

export function policyFor(access: Access): PersonnelPolicy {
  const roles = access.identity.roles.join(", ");
  const requireWriter = (action: string) => {
    if (!access.hasRole(...WRITER_ROLES))
      throw forbidden(`Your role (${roles}) is read-only; you may not ${action}.`);
  };
  return {
    actorId: access.identity.userId,
    actorName: actorName(access.identity),
    scope: access.scopePrefix,
    requireWriter,
    manageStaff(unit, action) {
      requireWriter(action);
      if (!access.covers(unit.path)) {
        throw forbidden(
          `You may ${action} only for units inside your own area; ${describeUnit(unit)} is outside it.`,
        );
      }
    },
    filingStep(party, filing, parties) {
      const home = access.identity.orgUnitId;
      if (party === "SUBMITTING_LEVEL") {
        requireWriter("resubmit filings");
        if (!access.covers(filing.orgUnitPath)) {
          throw forbidden(
            `Only users whose area includes ${named(parties.unit, "the filing's unit")} may resubmit its filing.`,
          );
        }
        return;
      }
      if (party === "TOWNSHIP") {
        if (access.hasRole("UNIT_CLERK") && home === filing.townshipId) return;
        throw forbidden(
          `R5: a village-level filing is confirmed and forwarded by its township: only a UNIT_CLERK of ${named(parties.township, "that township")} may forward it.`,
        );
      }
      if (access.hasRole("BANNER_ADMIN") && home === filing.bannerId) return;
      throw forbidden(
        `R5: filings are filed or returned by the banner bureau: only a BANNER_ADMIN of ${named(parties.banner, "the filing's banner")} may do it.`,
      );
    },
  };
}

/** Command-line tools and event reactions act as the system: everything allowed, audited by name. */
export function systemPolicy(actorId: string): PersonnelPolicy {
  return { actorId, actorName: actorId, scope: "", requireWriter() {}, manageStaff() {}, filingStep() {} };
}
