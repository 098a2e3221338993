import { buildFederatedSchema, keyOnlyReference } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { EvaluationServices } from "../domain/ports";
import type { SchemaDeps } from "./deps";
import { loadersFor } from "./loaders";

// The resolvers load in the order the SDL lists their types and fields (type-graphql keeps load order).
import { ScorecardQueries } from "./resolvers/scorecard.queries";
import { SchemeQueries } from "./resolvers/scheme.queries";
import { AssessmentQueries } from "./resolvers/assessment.queries";
import { SchemeMutations } from "./resolvers/scheme.mutations";
import { AssessmentMutations } from "./resolvers/assessment.mutations";
import { AssessmentFields, SchemeFields } from "./resolvers/assessment.fields";
import { MeetingQueries } from "./resolvers/meeting.queries";
import { MeetingMutations } from "./resolvers/meeting.mutations";
import { MeetingFields } from "./resolvers/meeting.fields";
import { FindingQueries } from "./resolvers/finding.queries";
import { InspectionMutations } from "./resolvers/inspection.mutations";
import { FindingFields, InspectionFields } from "./resolvers/inspection.fields";
import { RuleStatusMutations } from "./resolvers/rule-status.mutations";
import { CommendationMutations } from "./resolvers/commendation.mutations";
import { StatisticianFields } from "./resolvers/statistician.fields";
import { OrgUnitFields } from "./resolvers/org-unit.fields";

/** One resolver class per entity and kind (queries, mutations, fields), in the order the SDL lists them. */
const resolvers = [
  ScorecardQueries,
  SchemeQueries,
  AssessmentQueries,
  SchemeMutations,
  AssessmentMutations,
  AssessmentFields,
  SchemeFields,
  MeetingQueries,
  MeetingMutations,
  MeetingFields,
  FindingQueries,
  InspectionMutations,
  InspectionFields,
  FindingFields,
  RuleStatusMutations,
  CommendationMutations,
  StatisticianFields,
  OrgUnitFields,
] as const;

/**
 * The subgraph schema. OrgUnit (organization's) resolves to its key without a query; evaluation's
 * fields on it check the caller's area in their one batched statement and are null outside it.
 */
export function buildEvaluationSchema(services: EvaluationServices): Promise<GraphQLSchema> {
  const deps: SchemaDeps = { services, loaders: loadersFor(services) };
  const instances = new Map<unknown, unknown>(resolvers.map((R) => [R, new R(deps)]));
  return buildFederatedSchema(
    { resolvers: [...resolvers], container: { get: (cls: unknown) => instances.get(cls) } },
    { OrgUnit: keyOnlyReference, Statistician: keyOnlyReference },
  );
}
