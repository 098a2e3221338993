import { buildFederatedSchema, keyOnlyReference, type GraphQLContext } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { TrainingServices } from "../domain/ports";
import type { SchemaDeps } from "./deps";
import { loadersFor } from "./loaders";

// The resolvers load in the order the SDL lists their types and fields (type-graphql keeps load order).
import { SessionQueries } from "./resolvers/session.queries";
import { CertificateQueries } from "./resolvers/certificate.queries";
import { CoverageQueries } from "./resolvers/coverage.queries";
import { SessionMutations } from "./resolvers/session.mutations";
import { EnrollmentMutations } from "./resolvers/enrollment.mutations";
import { CertificateMutations } from "./resolvers/certificate.mutations";
import { SessionFields } from "./resolvers/session.fields";
import { EnrollmentFields } from "./resolvers/enrollment.fields";
import { CertificateFields } from "./resolvers/certificate.fields";
import { StatisticianFields } from "./resolvers/statistician.fields";
import { OrgUnitFields } from "./resolvers/org-unit.fields";
import { RuleStatusMutations } from "./resolvers/rule-status.mutations";

/** One resolver class per entity and kind (queries, mutations, fields), in the order the SDL lists them. */
const resolvers = [
  SessionQueries,
  CertificateQueries,
  CoverageQueries,
  SessionMutations,
  EnrollmentMutations,
  CertificateMutations,
  SessionFields,
  EnrollmentFields,
  CertificateFields,
  StatisticianFields,
  OrgUnitFields,
  RuleStatusMutations,
] as const;

type Ref = { id: string };

/**
 * The subgraph schema. Resolvers get the services and loaders through their constructor.
 *
 * References follow the one policy of every service: a reference to an entity that exists always
 * resolves, so a list holding something outside the caller's area never nulls the whole answer.
 * - Training's own entities resolve through a per-request loader (one SQL query per type whatever the
 *   number of representations) to the whole record, or outside the caller's view to the public view
 *   with `inYourArea: false` (src/domain/public-view.ts); null only for an id with no row.
 * - OrgUnit and Statistician (owned by organization and personnel, which answer for their existence)
 *   resolve to their key without a query; training's fields on them check the caller's area through
 *   one batched query and are null outside it.
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
      TrainingSession: reference((ctx) => deps.loaders(ctx).sessionView),
      TrainingEnrollment: reference((ctx) => deps.loaders(ctx).enrollmentView),
      TrainingCertificate: reference((ctx) => deps.loaders(ctx).certificateView),
      Statistician: keyOnlyReference,
      OrgUnit: keyOnlyReference,
    },
  );
}
