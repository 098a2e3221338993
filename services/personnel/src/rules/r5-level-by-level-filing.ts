import { badInput } from "@grassroots/kit/errors";
import { type Role } from "@grassroots/kit/identity";
import type { Filing, FilingRoute, FilingStatus, FilingStepName } from "../domain/filing";
import { isVillageLevel, type OrgUnitKind } from "@grassroots/org-projection/units";
import { addDays } from "../domain/values";

/**
 * R5 as an explicit state machine. A change is SUBMITTED when it is made; then, by route:
 *
 *   VIA_TOWNSHIP (community, village, gacha):  SUBMITTED ─FORWARD (its township)→ FORWARDED
 *                                              FORWARDED ─FILE / RETURN (banner bureau)→ FILED / RETURNED
 *   DIRECT (township level, park):             SUBMITTED ─FILE / RETURN (banner bureau)→ FILED / RETURNED
 *   both:                                      RETURNED ─RESUBMIT (the unit's level)→ SUBMITTED
 *
 * FILED is final. Any other step is out of order and refused; nothing is skipped.
 */
export type FilingParty = "SUBMITTING_LEVEL" | "TOWNSHIP" | "BANNER_BUREAU";

export interface Transition {
  step: FilingStepName;
  from: FilingStatus;
  to: FilingStatus;
  party: FilingParty;
}

export const TRANSITIONS: Record<FilingRoute, readonly Transition[]> = {
  VIA_TOWNSHIP: [
    { step: "FORWARD", from: "SUBMITTED", to: "FORWARDED", party: "TOWNSHIP" },
    { step: "FILE", from: "FORWARDED", to: "FILED", party: "BANNER_BUREAU" },
    { step: "RETURN", from: "FORWARDED", to: "RETURNED", party: "BANNER_BUREAU" },
    { step: "RESUBMIT", from: "RETURNED", to: "SUBMITTED", party: "SUBMITTING_LEVEL" },
  ],
  DIRECT: [
    { step: "FILE", from: "SUBMITTED", to: "FILED", party: "BANNER_BUREAU" },
    { step: "RETURN", from: "SUBMITTED", to: "RETURNED", party: "BANNER_BUREAU" },
    { step: "RESUBMIT", from: "RETURNED", to: "SUBMITTED", party: "SUBMITTING_LEVEL" },
  ],
};

export type FollowingStep = Exclude<FilingStepName, "SUBMIT">;

/** The roles that may change staff records, and so submit and resubmit filings. */
export const WRITER_ROLES: readonly Role[] = ["CITY_ADMIN", "BANNER_ADMIN", "UNIT_CLERK"];

/** Who takes each step after submission: FORWARD the township's clerk, FILE/RETURN the banner bureau. */
export const STEP_ROLES: Record<FollowingStep, readonly Role[]> = {
  FORWARD: ["UNIT_CLERK"],
  FILE: ["BANNER_ADMIN"],
  RETURN: ["BANNER_ADMIN"],
  RESUBMIT: WRITER_ROLES,
};

/**
 * Whether a user whose home unit is `homeUnitId` is the party the step needs: the filing's township
 * (FORWARD), its banner bureau (FILE, RETURN); the submitting level is anyone whose area holds the unit.
 */
export function isParty(
  party: FilingParty,
  homeUnitId: string,
  filing: Pick<Filing, "townshipId" | "bannerId">,
): boolean {
  if (party === "TOWNSHIP") return homeUnitId === filing.townshipId;
  if (party === "BANNER_BUREAU") return homeUnitId === filing.bannerId;
  return true;
}

/** A village-level change goes through its township; a township-level or park change goes direct. */
export const routeFor = (kind: OrgUnitKind): FilingRoute =>
  isVillageLevel(kind) ? "VIA_TOWNSHIP" : "DIRECT";

const WAITING_FOR: Record<FilingRoute, Record<FilingStatus, string>> = {
  VIA_TOWNSHIP: {
    SUBMITTED: "it waits for its township to confirm and forward it",
    FORWARDED: "it waits for the banner bureau to file or return it",
    RETURNED: "it was returned and waits for the unit to correct and resubmit it",
    FILED: "it is filed; a filed record is final",
  },
  DIRECT: {
    SUBMITTED: "it waits for the banner bureau to file or return it",
    FORWARDED: "it waits for the banner bureau to file or return it",
    RETURNED: "it was returned and waits for the unit to correct and resubmit it",
    FILED: "it is filed; a filed record is final",
  },
};

/** Who takes this step on this route, or BAD_USER_INPUT when the route has no such step at all. */
export function partyFor(filing: Pick<Filing, "route">, step: FilingStepName): FilingParty {
  const transition = TRANSITIONS[filing.route].find((t) => t.step === step);
  if (!transition) {
    throw badInput(
      `A ${filing.route === "DIRECT" ? "township-level or park" : "village-level"} filing has no ${step} step: ` +
        (filing.route === "DIRECT"
          ? "it goes straight to the banner bureau."
          : "it is submitted when the change is made."),
      "filingId",
    );
  }
  return transition.party;
}

/** The transition for `step` from the filing's status, or BAD_USER_INPUT saying what the filing waits for. */
export function transitionFor(filing: Pick<Filing, "route" | "status">, step: FilingStepName): Transition {
  const transition = TRANSITIONS[filing.route].find((t) => t.step === step && t.from === filing.status);
  if (!transition) {
    throw badInput(
      `This filing is ${filing.status}: ${WAITING_FOR[filing.route][filing.status]}. ${step} is out of order.`,
      "filingId",
      {
        status: filing.status,
      },
    );
  }
  return transition;
}

/** The last day to file: `dueDays` (FILING_DUE_DAYS) after the business date of submission. */
export const dueOn = (filing: Pick<Filing, "submittedOn">, dueDays: number): string =>
  addDays(filing.submittedOn, dueDays);

/** Not filed by its due date (a returned filing still counts: it must be corrected and filed). */
export const isOverdue = (
  filing: Pick<Filing, "status" | "submittedOn">,
  dueDays: number,
  today: string,
): boolean => filing.status !== "FILED" && dueOn(filing, dueDays) < today;
