import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { checkInt, checkPageSize, isUuid } from "@grassroots/kit/validation";
import type { CertificateReads, Page, Scope, SessionFilter, SessionKey, SessionReads } from "./ports";
import { SESSION, type Certificate, type TrainingSession } from "./training";

/**
 * Reads, always within the caller's scope (the path prefix of their subtree). A session outside it
 * answers NOT_FOUND exactly as a session that does not exist.
 */

export async function getSession(reads: SessionReads, scope: Scope, id: string): Promise<TrainingSession> {
  const [session] = isUuid(id) ? await reads.inScope([id], scope) : [];
  if (!session) throw notFoundInArea(SESSION, id);
  return session;
}

export async function getCertificate(
  reads: CertificateReads,
  scope: Scope,
  number: string,
): Promise<Certificate> {
  const [certificate] = await reads.byNumbers([number.trim()], scope);
  if (!certificate) throw notFoundInArea("Certificate", number);
  return certificate;
}

/** Sessions per page: the kit's 1–200; 20 when the client does not say (the GraphQL default). */
export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 20;

export interface SessionSearch extends SessionFilter {
  first: number;
  /** The last session of the previous page (from the cursor); none for the first page. */
  after?: SessionKey;
}

/** Checks a filter and page; the organizer id, when given, must be an id (an unknown one simply finds nothing). */
export function checkSearch(input: SessionSearch): SessionSearch {
  checkPageSize(input.first, MAX_PAGE, DEFAULT_PAGE);
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
  reads: SessionReads,
  scope: Scope,
  input: SessionSearch,
): Promise<Page<TrainingSession>> {
  const { first, after, ...filter } = checkSearch(input);
  const pages = await reads.pages(null, filter, scope, { first, after });
  return pages.get("") ?? EMPTY;
}

/** One page per organizer, for many organizers in one query (OrgUnit.trainingSessions). */
export async function sessionsOfOrganizers(
  reads: SessionReads,
  scope: Scope,
  organizerIds: readonly string[],
  input: SessionSearch,
): Promise<Page<TrainingSession>[]> {
  const { first, after, ...filter } = checkSearch(input);
  const pages = await reads.pages(organizerIds, filter, scope, { first, after });
  return organizerIds.map((id) => pages.get(id) ?? EMPTY);
}
