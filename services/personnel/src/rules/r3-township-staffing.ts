import type { PostAssignment } from "../domain/assignment";
import { TOWNSHIP_KINDS } from "@grassroots/org-projection/units";
import {
  n,
  pendingHint,
  plural,
  type RequirementResult,
  type StaffingSubject,
  type StaffingThresholds,
} from "./staffing-requirement";

/**
 * R3's "full-time, holding an establishment post" (在编专职): what `activeFullTimeInEstablishment` counts.
 * The SQL that counts posts is built from these values (db/repositories/staff-counts.sql.ts).
 */
export const FULL_TIME_IN_ESTABLISHMENT = {
  role: "FULL_TIME",
  establishment: "IN_ESTABLISHMENT",
} as const satisfies Pick<PostAssignment, "role" | "establishment">;

export const isFullTimeInEstablishment = (post: Pick<PostAssignment, "role" | "establishment">): boolean =>
  post.role === FULL_TIME_IN_ESTABLISHMENT.role &&
  post.establishment === FULL_TIME_IN_ESTABLISHMENT.establishment;

/**
 * R3: each township-level unit (SUBDISTRICT, TOWN, TOWNSHIP, SUMU) has at least one ACTIVE full-time
 * statistician who holds an establishment post and is in post (在编在岗专职); where its basic-unit
 * register holds the threshold (1,500) or more, at least two ACTIVE statisticians of any role.
 * Only ACTIVE assignments count: a PENDING_TRAINING appointment is not yet in post (R7).
 * Returns null for a unit R3 does not cover.
 */
export function r3TownshipStaffing(
  subject: StaffingSubject,
  t: StaffingThresholds,
): RequirementResult[] | null {
  if (!TOWNSHIP_KINDS.includes(subject.kind)) return null;
  const { counts, registerCount } = subject;

  const fullTime = counts.activeFullTimeInEstablishment;
  const fullTimeMet = fullTime >= t.townshipMinFullTimeInEstablishment;
  const base: RequirementResult = {
    rule: "R3",
    code: "R3_FULL_TIME_IN_ESTABLISHMENT",
    description: `At least ${plural(t.townshipMinFullTimeInEstablishment, "active full-time statistician")} holding an establishment post and in post (在编在岗专职).`,
    applies: true,
    met: fullTimeMet,
    required: t.townshipMinFullTimeInEstablishment,
    actual: fullTime,
    reason: fullTimeMet
      ? `Met: ${plural(fullTime, "active full-time in-establishment statistician")}.`
      : `Has ${plural(fullTime, "active full-time in-establishment statistician")}, needs ${n(t.townshipMinFullTimeInEstablishment)}: ` +
        `appoint a FULL_TIME statistician with an IN_ESTABLISHMENT post.` +
        pendingHint(counts.pendingFullTimeInEstablishment, "full-time in-establishment statistician"),
  };

  const large = registerCount !== null && registerCount >= t.largeRegisterThreshold;
  const largeMet = !large || counts.active >= t.largeRegisterMinStatisticians;
  const big: RequirementResult = {
    rule: "R3",
    code: "R3_LARGE_REGISTER_STATISTICIANS",
    description: `Where the basic-unit register holds ${n(t.largeRegisterThreshold)} or more units, at least ${plural(t.largeRegisterMinStatisticians, "active statistician")}.`,
    applies: large,
    met: largeMet,
    required: t.largeRegisterMinStatisticians,
    actual: counts.active,
    reason: !large
      ? registerCount === null
        ? `Does not apply yet: no register count is recorded for this unit.`
        : `Does not apply: the register holds ${n(registerCount)} units, below ${n(t.largeRegisterThreshold)}.`
      : largeMet
        ? `Met: the register holds ${n(registerCount!)} units and the unit has ${plural(counts.active, "active statistician")}.`
        : `The register holds ${n(registerCount!)} units (${n(t.largeRegisterThreshold)} or more), so ${n(t.largeRegisterMinStatisticians)} statisticians are needed; ` +
          `the unit has ${n(counts.active)} active: appoint ${n(t.largeRegisterMinStatisticians - counts.active)} more.` +
          pendingHint(counts.pending, "statistician"),
  };
  return [base, big];
}
