import {
  n,
  pendingHint,
  plural,
  type RequirementResult,
  type StaffingSubject,
  type StaffingThresholds,
} from "./staffing-requirement";

/**
 * R4: industrial parks and communities have at least one ACTIVE statistician (any role); villages and
 * gachas have one ACTIVE statistics liaison (统计联络员). Returns null for a unit R4 does not cover.
 */
export function r4VillageAndParkStaffing(
  subject: StaffingSubject,
  t: StaffingThresholds,
): RequirementResult[] | null {
  const { kind, counts } = subject;
  if (kind === "PARK" || kind === "COMMUNITY") {
    const met = counts.active >= t.parkCommunityMinStatisticians;
    const where = kind === "PARK" ? "park" : "community";
    return [
      {
        rule: "R4",
        code: "R4_PARK_COMMUNITY_STATISTICIAN",
        description: `A park or community has at least ${plural(t.parkCommunityMinStatisticians, "active statistician")}.`,
        applies: true,
        met,
        required: t.parkCommunityMinStatisticians,
        actual: counts.active,
        reason: met
          ? `Met: ${plural(counts.active, "active statistician")}.`
          : `The ${where} has ${plural(counts.active, "active statistician")}, needs ${n(t.parkCommunityMinStatisticians)}: appoint a FULL_TIME or PART_TIME statistician.` +
            pendingHint(counts.pending, "statistician"),
      },
    ];
  }
  if (kind === "VILLAGE" || kind === "GACHA") {
    const met = counts.activeLiaisons >= t.villageMinLiaisons;
    const where = kind === "GACHA" ? "gacha" : "village";
    return [
      {
        rule: "R4",
        code: "R4_VILLAGE_LIAISON",
        description: `A village or gacha has at least ${plural(t.villageMinLiaisons, "active statistics liaison")} (统计联络员).`,
        applies: true,
        met,
        required: t.villageMinLiaisons,
        actual: counts.activeLiaisons,
        reason: met
          ? `Met: ${plural(counts.activeLiaisons, "active liaison")}.`
          : `The ${where} has ${plural(counts.activeLiaisons, "active liaison")}, needs ${n(t.villageMinLiaisons)}: appoint a statistics liaison (LIAISON).` +
            pendingHint(counts.pendingLiaisons, "liaison"),
      },
    ];
  }
  return null;
}
