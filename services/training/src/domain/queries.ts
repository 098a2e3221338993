import { badInput, checkInt, isUuid, notFoundInArea } from "@grassroots/kit";
import type { Page, SessionFilter, TrainingReads, Viewer } from "./ports";
import { SESSION, type Certificate, type TrainingSession } from "./training";

/**
 * Reads, always within what the viewer may see. A session outside it answers NOT_FOUND exactly as a
 * session that does not exist.
 */

/** A uuid that is never a unit: the viewer of a caller whose home unit id is malformed sees nothing. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

export const viewerOf = (homeUnitId: string): Viewer => ({
  homeUnitId: isUuid(homeUnitId) ? homeUnitId : NOBODY,
});

export async function getSession(reads: TrainingReads, viewer: Viewer, id: string): Promise<TrainingSession> {
  const [session] = isUuid(id) ? await reads.visibleSessions([id], viewer) : [];
  if (!session) throw notFoundInArea(SESSION, id);
  return session;
}

export async function getCertificate(
  reads: TrainingReads,
  viewer: Viewer,
  number: string,
): Promise<Certificate> {
  const [certificate] = await reads.visibleCertificates([number.trim()], viewer);
  if (!certificate) throw notFoundInArea("Certificate", number);
  return certificate;
}

export const MAX_PAGE = 200;

export interface SessionSearch extends SessionFilter {
  first: number;
  offset: number;
}

/** Checks a filter and page; the organizer id, when given, must be an id (an unknown one simply finds nothing). */
export function checkSearch(input: SessionSearch): SessionSearch {
  checkInt(input.first, "first", 1, MAX_PAGE);
  if (input.year !== undefined) checkInt(input.year, "year", 2000, 2100);
  if (input.organizerUnitId !== undefined && !isUuid(input.organizerUnitId)) {
    throw badInput(`organizerUnitId "${input.organizerUnitId}" is not an id.`, "organizerUnitId");
  }
  return {
    ...input,
    kinds: input.kinds?.length ? input.kinds : undefined,
    statuses: input.statuses?.length ? input.statuses : undefined,
  };
}

const EMPTY: Page<TrainingSession> = { items: [], hasNextPage: false, totalCount: 0 };

export async function searchSessions(
  reads: TrainingReads,
  viewer: Viewer,
  input: SessionSearch,
): Promise<Page<TrainingSession>> {
  const { first, offset, ...filter } = checkSearch(input);
  const pages = await reads.sessionPages(null, filter, viewer, { first, offset });
  return pages.get("") ?? EMPTY;
}

/** One page per organizer, for many organizers in one query (OrgUnit.trainingSessions). */
export async function sessionsOfOrganizers(
  reads: TrainingReads,
  viewer: Viewer,
  organizerIds: readonly string[],
  input: SessionSearch,
): Promise<Page<TrainingSession>[]> {
  const { first, offset, ...filter } = checkSearch(input);
  const pages = await reads.sessionPages(organizerIds, filter, viewer, { first, offset });
  return organizerIds.map((id) => pages.get(id) ?? EMPTY);
}
