import { checkPageSize, connectionOf, decodeCursor, notFoundInArea } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { findingView } from "../inspection-view";
import { FindingConnectionType } from "../types/inspection.type";

/** Findings page by keyset on (deadline, id): the opaque cursor holds the last one's. */
const KIND = "finding";
const KEY = /^(\d{4}-\d{2}-\d{2})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** R13: the supervision worklist. */
@Resolver()
export class FindingQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => FindingConnectionType, {
    description:
      "Findings whose responsible unit lies in a unit's subtree (and your area), soonest deadline first: open ones only by default. 1–200 per page, 20 by default.",
  })
  async findings(
    @Arg("unitId", () => ID) unitId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("openOnly", () => Boolean, { defaultValue: true }) openOnly: boolean,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<FindingConnectionType> {
    const { scorecards, supervision, clock } = this.deps.services;
    const size = checkPageSize(first, 200, 20);
    const key = decodeCursor(KIND, after, KEY);
    const scope = await readScope(ctx);
    const [unit] = await scorecards.units([unitId], scope);
    if (!unit) throw notFoundInArea("Org unit", unitId, "unitId");
    const [, deadline, id] = key ? KEY.exec(key)! : [];
    const page = await supervision.findingsPage(unit.path, scope, openOnly, {
      first: size,
      after: key ? { deadline, id } : undefined,
    });
    const today = clock.today();
    return connectionOf(
      page,
      KIND,
      (f) => `${f.deadline}/${f.id}`,
      (f, cursor) => ({ cursor, node: findingView(f, today) }),
    );
  }
}
