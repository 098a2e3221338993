import { buildFederatedSchema, type GraphQLContext } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { OrgUnit } from "../domain/org-unit";
import type { OrganizationServices } from "../domain/ports";
import { loaders } from "./loaders";
// Imported in this order on purpose: type-graphql lists a type's fields in the order their modules
// declare them, so this order keeps schema.graphql's Query and Mutation fields where they are.
import { DivisionImportMutations } from "./resolvers/division-import.mutations";
import { OrgUnitFields } from "./resolvers/org-unit.fields";
import { OrgUnitMutations } from "./resolvers/org-unit.mutations";
import { OrgUnitQueries } from "./resolvers/org-unit.queries";
import { ReportQueries } from "./resolvers/report.queries";
import { StandardQueries } from "./resolvers/standard.queries";
import { AssessmentMutations } from "./resolvers/assessment.mutations";
import { StandardMutations } from "./resolvers/standard.mutations";
import { AssessmentFields } from "./resolvers/assessment.fields";
import { RuleStatusMutations } from "./resolvers/rule-status.mutations";

const resolvers = [
  OrgUnitQueries,
  OrgUnitFields,
  OrgUnitMutations,
  StandardQueries,
  StandardMutations,
  AssessmentFields,
  AssessmentMutations,
  ReportQueries,
  DivisionImportMutations,
  RuleStatusMutations,
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
