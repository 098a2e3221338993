import type { AssignmentStarted, EventData } from "@grassroots/events/contracts";

/** A post as personnel's assignment events carry it (finance keeps who, where, from when to when). */
export type PostState = Pick<
  EventData<typeof AssignmentStarted>,
  "assignmentId" | "statisticianId" | "orgUnitId" | "role" | "status" | "startDate" | "endDate" | "version"
>;
