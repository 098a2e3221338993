import { buildFederatedSchema, type GraphQLContext } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { TrainingServices } from "../domain/ports";
import type { SchemaDeps } from "./deps";
import { loadersFor } from "./loaders";
import { OrgUnitFields, StatisticianFields } from "./resolvers/federated.fields";
import { TrainingCertificateFields, TrainingEnrollmentFields, TrainingSessionFields } from "./resolvers/training.fields";
import { TrainingMutations } from "./resolvers/training.mutations";
import { TrainingQueries } from "./resolvers/training.queries";

const resolvers = [
  TrainingQueries,
  TrainingMutations,
  TrainingSessionFields,
  TrainingEnrollmentFields,
  TrainingCertificateFields,
  StatisticianFields,
  OrgUnitFields,
] as const;

type Ref = { id: string };

/**
 * The subgraph schema. Resolvers get the services and loaders through their constructor; every entity
 * reference resolves through a per-request loader, so an `_entities` call is one SQL query per type
 * whatever the number of representations, and checks the caller's area in that same query.
 */
export function buildTrainingSchema(services: TrainingServices): Promise<GraphQLSchema> {
  const deps: SchemaDeps = { services, loaders: loadersFor(services) };
  const instances = new Map<unknown, unknown>(resolvers.map((R) => [R, new R(deps)]));
  const reference = (pick: (ctx: GraphQLContext) => { load(id: string): Promise<unknown> }) => ({
    __resolveReference: (ref: Ref, ctx: GraphQLContext) => pick(ctx).load(ref.id),
  });
  return buildFederatedSchema(
    { resolvers: [...resolvers], container: { get: (cls: unknown) => instances.get(cls) } },
    {
      TrainingSession: reference((ctx) => deps.loaders(ctx).visibleSession),
      TrainingEnrollment: reference((ctx) => deps.loaders(ctx).visibleEnrollment),
      TrainingCertificate: reference((ctx) => deps.loaders(ctx).visibleCertificate),
      Statistician: reference((ctx) => deps.loaders(ctx).visibleStatistician),
      OrgUnit: reference((ctx) => deps.loaders(ctx).visibleUnit),
    },
  );
}
