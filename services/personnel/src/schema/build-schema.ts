import { buildFederatedSchema, isUuid, type GraphQLContext } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { PersonnelServices } from "../domain/ports";
import type { StatisticianView } from "../domain/statistician";
import { loaders } from "./loaders";
// In this order: type-graphql lists fields in the order their modules load, and schema.graphql with them.
import { AssignmentFields } from "./resolvers/assignment.fields";
import { FilingFields, FilingStepFields } from "./resolvers/filing.fields";
import { StatisticianMutations } from "./resolvers/statistician.mutations";
import { AssignmentMutations } from "./resolvers/assignment.mutations";
import { FilingMutations } from "./resolvers/filing.mutations";
import { OrgUnitFields } from "./resolvers/org-unit.fields";
import { StatisticianQueries } from "./resolvers/statistician.queries";
import { FilingQueries } from "./resolvers/filing.queries";
import { StaffingQueries } from "./resolvers/staffing.queries";
import { StatisticianFields } from "./resolvers/statistician.fields";
import { RuleStatusMutations } from "./resolvers/rule-status.mutations";
import { RosterImportMutations } from "./resolvers/roster-import.mutations";

const resolvers = [
  StatisticianQueries,
  FilingQueries,
  StaffingQueries,
  StatisticianMutations,
  AssignmentMutations,
  FilingMutations,
  OrgUnitFields,
  StatisticianFields,
  AssignmentFields,
  FilingFields,
  FilingStepFields,
  RuleStatusMutations,
  RosterImportMutations,
] as const;

/**
 * The subgraph schema. Resolver instances get the services through their constructor; OrgUnit and
 * Statistician references resolve through per-request loaders: one SQL query per `_entities` call, with
 * the caller's area looked up inside it.
 *
 * #10.1, one policy for every service: a reference to an entity that exists always resolves, so that
 * another subgraph's non-null reference (an enrolment's statistician, a filing's banner) never nulls a
 * whole answer. Outside the caller's area it resolves to a public view: a Statistician's id and name with
 * `inYourArea: false` and everything else withheld; an OrgUnit's key, with personnel's fields
 * (`statisticians`, `staffing`) null. Only a key that cannot exist (not a uuid, no such person) is null.
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
          if (!isUuid(ref.id)) return null;
          const l = loaders(ctx, services);
          const unit: OrgUnitProjection | null = await l.unitReference.load(ref.id);
          // The same area as readScope, so the unit's own fields need not look it up again: outside the
          // area (or not yet received from organization) they are null.
          l.unit.prime(ref.id, unit);
          return { id: ref.id };
        },
      },
      Statistician: {
        __resolveReference: (ref: { id: string }, ctx: GraphQLContext): Promise<StatisticianView | null> =>
          loaders(ctx, services).statisticianReference.load(ref.id),
      },
    },
  );
}
