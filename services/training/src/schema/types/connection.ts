import { decodeCursor, encodeCursor } from "@grassroots/kit";
import type { Page } from "../../domain/ports";
import type { TrainingSession } from "../../domain/training";
import type { TrainingSessionConnectionType } from "./training.type";

/** Sessions are paged by position in their order (latest start first): the cursor holds the position. */
export const offsetOf = (after: string | undefined | null): number =>
  Number(decodeCursor("pos", after, /^\d{1,9}$/) ?? 0);

export function toConnection(page: Page<TrainingSession>, offset: number): TrainingSessionConnectionType {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor("pos", String(offset + i + 1)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
