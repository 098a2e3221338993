import { buildFederatedSchema, type GraphQLContext } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { OrgUnitView } from "../domain/org-unit";
import type { PersonnelServices } from "../domain/ports";
import type { Statistician } from "../domain/statistician";
import { loaders } from "./loaders";
import { AssignmentFields } from "./resolvers/assignment.fields";
import { FilingFields, FilingStepFields } from "./resolvers/filing.fields";
import { PersonnelMutations } from "./resolvers/mutations.resolver";
import { OrgUnitFields } from "./resolvers/org-unit.fields";
import { PersonnelQueries } from "./resolvers/queries.resolver";
import { StatisticianFields } from "./resolvers/statistician.fields";

const resolvers = [
  PersonnelQueries,
  PersonnelMutations,
  OrgUnitFields,
  StatisticianFields,
  AssignmentFields,
  FilingFields,
  FilingStepFields,
] as const;

/**
 * The subgraph schema. Resolver instances get the services through their constructor; OrgUnit and
 * Statistician references resolve through per-request loaders: one SQL query per `_entities` call, with
 * the caller's area looked up inside it (null outside it).
 */
export function buildPersonnelSchema(services: PersonnelServices): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>(resolvers.map((R) => [R, new R(services)]));
  return buildFederatedSchema(
    { resolvers: [...resolvers], container: { get: (cls: unknown) => instances.get(cls) } },
    {
      OrgUnit: {
        __resolveReference: async (
          ref: { id: string },
          ctx: GraphQLContext,
        ): Promise<{ id: string } | null> => {
          const l = loaders(ctx, services);
          const unit: OrgUnitView | null = await l.unitReference.load(ref.id);
          // The same area as readScope: the unit's own fields need not look it up again.
          if (unit) l.unit.prime(unit.id, unit);
          return unit ? { id: unit.id } : null;
        },
      },
      Statistician: {
        __resolveReference: (ref: { id: string }, ctx: GraphQLContext): Promise<Statistician | null> =>
          loaders(ctx, services).statisticianReference.load(ref.id),
      },
    },
  );
}
