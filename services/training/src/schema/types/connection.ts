import { connectionOf, decodeCursor } from "@grassroots/kit/validation";
import type { Page, SessionKey } from "../../domain/ports";
import type { TrainingSession } from "../../domain/training";
import type { TrainingSessionConnectionType } from "./session.type";

/** Sessions are paged latest start first, by keyset: the opaque cursor holds the (start date, id) of a session. */
const KIND = "session";
const KEY = /^(\d{4}-\d{2}-\d{2})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The session a page starts after, or BAD_USER_INPUT for a cursor this API did not return. */
export function sessionAfter(after: string | undefined | null): SessionKey | undefined {
  const key = decodeCursor(KIND, after, KEY);
  if (key === undefined) return undefined;
  const [, startDate, id] = KEY.exec(key)!;
  return { startDate, id };
}

export const toConnection = (page: Page<TrainingSession>): TrainingSessionConnectionType =>
  connectionOf(page, KIND, (session) => `${session.startDate}/${session.id}`);
