import { isUuid, perRequest, type GraphQLContext } from "@grassroots/kit";
import DataLoader from "dataloader";
import type { EvaluationServices } from "../domain/ports";
import type { UnitScorecard } from "../domain/scorecard";
import { scorecardsOf } from "../domain/scorecard-queries";
import { readScope } from "./context";

/**
 * Per-request batching: the many look-ups of one GraphQL request become a fixed number of SQL
 * statements per loader, whatever the number of parents.
 */
export interface Loaders {
  /** OrgUnit.scorecard: one loader per year; null outside the caller's area. */
  scorecard(year: number): DataLoader<string, UnitScorecard | null>;
}

export type LoadersOf = (ctx: GraphQLContext) => Loaders;

/** Keys from clients (references) may be anything; only uuids can match a row. */
const onlyUuids = (keys: readonly string[]) => keys.filter(isUuid);

/** One loader per argument value, made on first use. */
function perArgument<A, K, V>(make: (arg: A) => DataLoader<K, V>): (arg: A) => DataLoader<K, V> {
  const made = new Map<string, DataLoader<K, V>>();
  return (arg) => {
    const key = JSON.stringify(arg);
    let loader = made.get(key);
    if (!loader) made.set(key, (loader = make(arg)));
    return loader;
  };
}

export function loadersFor(services: EvaluationServices): LoadersOf {
  return perRequest((ctx: GraphQLContext): Loaders => ({
    scorecard: perArgument(
      (year: number) =>
        new DataLoader(async (ids: readonly string[]) => {
          const found = await scorecardsOf(services, await readScope(ctx), onlyUuids(ids), year);
          const byId = new Map(found.filter((c) => c !== null).map((c) => [c!.unit.id, c!]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    ),
  }));
}
