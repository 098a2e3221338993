import { buildFederatedSchema, keyOnlyReference } from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { FinanceServices } from "../domain/ports";
import type { SchemaDeps } from "./deps";
import { loadersFor } from "./loaders";
import { OrgUnitType } from "./types/org-unit.type";
import { StatisticianType } from "./types/statistician.type";

// The resolvers load in the order the SDL lists their types and fields (type-graphql keeps load order).
import { BudgetQueries } from "./resolvers/budget.queries";
import { BudgetMutations } from "./resolvers/budget.mutations";
import { BudgetLineFields } from "./resolvers/budget.fields";
import { AwardQueries } from "./resolvers/award.queries";
import { AwardMutations } from "./resolvers/award.mutations";
import { AllocationRoundFields, AwardProgrammeFields } from "./resolvers/award.fields";
import { SubsidyQueries } from "./resolvers/subsidy.queries";
import { SubsidyMutations } from "./resolvers/subsidy.mutations";
import { OrgUnitFields } from "./resolvers/org-unit.fields";
import { StatisticianFields } from "./resolvers/statistician.fields";

const resolvers = [
  BudgetQueries,
  AwardQueries,
  SubsidyQueries,
  BudgetMutations,
  AwardMutations,
  SubsidyMutations,
  BudgetLineFields,
  AwardProgrammeFields,
  AllocationRoundFields,
  OrgUnitFields,
  StatisticianFields,
] as const;

/**
 * The subgraph schema. OrgUnit (owned by organization, which answers for its existence) resolves to
 * its key without a statement; finance's fields on it check the caller's area through one batched
 * statement and are null outside it (the unit's public view).
 */
export function buildFinanceSchema(services: FinanceServices): Promise<GraphQLSchema> {
  const deps: SchemaDeps = { services, loaders: loadersFor(services) };
  const instances = new Map<unknown, unknown>(resolvers.map((R) => [R, new R(deps)]));
  return buildFederatedSchema(
    {
      resolvers: [...resolvers],
      // OrgUnit and Statistician are reached only through _entities: no field of finance's returns them.
      orphanedTypes: [OrgUnitType, StatisticianType],
      container: { get: (cls: unknown) => instances.get(cls) },
    },
    { OrgUnit: keyOnlyReference, Statistician: keyOnlyReference },
  );
}
