import { AssignmentStatuses, EstablishmentStatuses, StatisticianRoles } from "@grassroots/events/contracts";

export type StatisticianRole = (typeof StatisticianRoles)[number];
export type EstablishmentStatus = (typeof EstablishmentStatuses)[number];
export type AssignmentStatus = (typeof AssignmentStatuses)[number];
export const ROLES: readonly StatisticianRole[] = StatisticianRoles;
export const ESTABLISHMENT_STATUSES: readonly EstablishmentStatus[] = EstablishmentStatuses;
export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = AssignmentStatuses;

/**
 * A statistician in a post at an org unit. PENDING_TRAINING until the person holds a pre-post
 * certificate (R7); ACTIVE only with one (the database refuses ACTIVE without a certificate id);
 * ENDED on departure or transfer. Never deleted.
 */
export interface PostAssignment {
  id: string;
  statisticianId: string;
  orgUnitId: string;
  role: StatisticianRole;
  establishment: EstablishmentStatus;
  status: AssignmentStatus;
  /** Business dates. */
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  /** The pre-post certificate that made it ACTIVE (R7). */
  certificateId: string | null;
  activatedAt: Date | null;
  version: number;
  createdBy: string;
  /** The creator's display name (null on rows written before names were kept). */
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewAssignment = Pick<
  PostAssignment,
  | "id"
  | "statisticianId"
  | "orgUnitId"
  | "role"
  | "establishment"
  | "status"
  | "startDate"
  | "endDate"
  | "certificateId"
  | "createdBy"
  | "createdByName"
>;

export type AssignmentPatch = Partial<
  Pick<
    PostAssignment,
    "role" | "establishment" | "status" | "endDate" | "endReason" | "certificateId" | "activatedAt"
  >
>;
