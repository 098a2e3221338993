import { badInput } from "@grassroots/kit/errors";

/** R12 commendations (先进单位 UNIT, 先进个人 INDIVIDUAL): RECOMMENDED by the banner → APPROVED or REJECTED by the city → PUBLISHED. */
export type CommendationKind = "UNIT" | "INDIVIDUAL";
export type CommendationStatus = "RECOMMENDED" | "APPROVED" | "REJECTED" | "PUBLISHED";

export interface Commendation {
  id: string;
  year: number;
  kind: CommendationKind;
  bannerUnitId: string;
  /** The unit commended, or the unit where the person holds their post. */
  nomineeUnitId: string;
  statisticianId: string | null;
  assessmentId: string | null;
  citation: string;
  status: CommendationStatus;
  recommendedBy: string;
  recommendedByName: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewCommendation = Pick<
  Commendation,
  | "id"
  | "year"
  | "kind"
  | "bannerUnitId"
  | "nomineeUnitId"
  | "statisticianId"
  | "assessmentId"
  | "citation"
  | "recommendedBy"
  | "recommendedByName"
>;
export type CommendationPatch = Partial<
  Pick<
    Commendation,
    "status" | "decidedBy" | "decidedByName" | "decidedAt" | "rejectionReason" | "publishedAt"
  >
>;

/** A quota: a number, or a share in hundredths of a percent (1500 is 15 %) of the banner's units or staff. */
export interface CommendationQuota {
  year: number;
  bannerUnitId: string;
  kind: CommendationKind;
  maxCount: number | null;
  maxShare: number | null;
  version: number;
}

/** How many the quota allows out of `base` (units or staff): a share rounds down. */
export const quotaLimit = (quota: Pick<CommendationQuota, "maxCount" | "maxShare">, base: number): number =>
  quota.maxCount ?? Math.floor((base * quota.maxShare!) / 10_000);

/** BAD_USER_INPUT when one more nomination would exceed the quota (none set: none allowed). */
export function requireWithinQuota(
  quota: CommendationQuota | undefined,
  base: number,
  nominated: number,
): void {
  if (!quota) throw badInput("No quota is set for this banner, year and kind.", "kind");
  const limit = quotaLimit(quota, base);
  if (nominated + 1 > limit) {
    throw badInput(`The quota of ${limit} is reached (${nominated} nominated).`, "kind", {
      limit,
      nominated,
    });
  }
}
