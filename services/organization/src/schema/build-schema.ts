import { buildFederatedSchema, type GraphQLContext } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { OrgUnit } from "../domain/org-unit";
import type { OrganizationServices } from "../domain/ports";
import { loaders } from "./loaders";
import { ImportMutations } from "./resolvers/import.mutations";
import { OrgUnitFields } from "./resolvers/org-unit.fields";
import { OrgUnitMutations } from "./resolvers/org-unit.mutations";
import { OrgUnitQueries } from "./resolvers/org-unit.queries";
import { AssessmentProgressFields, ReportsResolver } from "./resolvers/reports.resolver";
import { StandardizationResolver } from "./resolvers/standardization.resolver";

const resolvers = [
  OrgUnitQueries,
  OrgUnitFields,
  OrgUnitMutations,
  StandardizationResolver,
  ReportsResolver,
  AssessmentProgressFields,
  ImportMutations,
] as const;

/**
 * The subgraph schema. Resolver instances get the services through their constructor (a tiny container);
 * OrgUnit references resolve through a per-request loader: one SQL query per `_entities` call.
 */
export function buildOrganizationSchema(services: OrganizationServices): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>(resolvers.map((R) => [R, new R(services)]));
  return buildFederatedSchema(
    { resolvers: [...resolvers], container: { get: (cls: unknown) => instances.get(cls) } },
    {
      OrgUnit: {
        __resolveReference: (ref: { id: string }, ctx: GraphQLContext): Promise<OrgUnit | null> =>
          loaders(ctx, services).reference.load(ref.id),
      },
    },
  );
}
