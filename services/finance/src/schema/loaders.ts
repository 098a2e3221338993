import { byKey, groupBy, isUuid, perArgument, perRequest, type GraphQLContext } from "@grassroots/kit";
import DataLoader from "dataloader";
import type { BudgetLineRevision, Disbursement } from "../domain/budget";
import { budgetExecutions, type BudgetExecution } from "../domain/budget-execution";
import type {
  AllocationRound,
  AwardProgramme,
  RoundAllocation,
  RoundStep,
  RuleVersion,
} from "../domain/award";
import type {
  FinanceServices,
  OrgUnitRef,
  RoundPayment,
  StatisticianPayment,
  UnitAllocation,
} from "../domain/ports";
import type { SubsidyClaim, SubsidyStandard, TaskRecord } from "../domain/subsidy";
import { homeUnitOf } from "./context";

/** Per-request batching: the many look-ups of one request become one SQL statement per loader. */
export interface Loaders {
  /** Units in the caller's area (finance's fields on OrgUnit are null for the others). */
  visibleUnit: DataLoader<string, OrgUnitRef | null>;
  revisionsOfLine: DataLoader<string, BudgetLineRevision[]>;
  disbursementsOfLine: DataLoader<string, Disbursement[]>;
  /** R8 execution per unit for a year: two statements for any number of units. */
  executionOf(year: number): DataLoader<string, BudgetExecution>;
  ruleOfProgramme: DataLoader<string, RuleVersion | null>;
  programme: DataLoader<string, AwardProgramme | null>;
  roundsOfProgramme: DataLoader<string, AllocationRound[]>;
  allocationsOfRound: DataLoader<string, RoundAllocation[]>;
  stepsOfRound: DataLoader<string, RoundStep[]>;
  paymentsOfRound: DataLoader<string, RoundPayment[]>;
  visibleStatistician: DataLoader<string, boolean>;
  standardsOfBanner: DataLoader<string, SubsidyStandard[]>;
  tasksOfStatistician: DataLoader<string, TaskRecord[]>;
  claimsOfStatistician: DataLoader<string, SubsidyClaim[]>;
  paymentsOfStatistician: DataLoader<string, StatisticianPayment[]>;
  /** R9 allocations per unit for a year (OrgUnit.awardAllocations). */
  allocationsOfUnit(year: number): DataLoader<string, UnitAllocation[]>;
}

export type LoadersOf = (ctx: GraphQLContext) => Loaders;

const onlyUuids = (keys: readonly string[]) => keys.filter(isUuid);

export function loadersFor(services: FinanceServices): LoadersOf {
  return perRequest((ctx: GraphQLContext): Loaders => {
    const { awards, subsidies } = services;
    return {
      visibleStatistician: new DataLoader(async (ids) => {
        const visible = new Set(await subsidies.statisticiansInArea(onlyUuids(ids), homeUnitOf(ctx)));
        return ids.map((id) => visible.has(id));
      }),
      standardsOfBanner: new DataLoader(async (ids) =>
        groupBy(ids, await subsidies.standardsOfBanners(ids), (s) => s.bannerUnitId),
      ),
      tasksOfStatistician: new DataLoader(async (ids) =>
        groupBy(ids, await subsidies.tasksOfStatisticians(ids), (t) => t.statisticianId),
      ),
      claimsOfStatistician: new DataLoader(async (ids) =>
        groupBy(ids, await subsidies.claimsOfStatisticians(ids), (c) => c.statisticianId),
      ),
      paymentsOfStatistician: new DataLoader(async (ids) =>
        groupBy(ids, await subsidies.paymentsOfStatisticians(ids), (p) => p.statisticianId),
      ),
      ruleOfProgramme: new DataLoader(async (ids) =>
        byKey(ids, await awards.currentRules(ids), (v) => v.programmeId),
      ),
      programme: new DataLoader(async (ids) => byKey(ids, await awards.programmesByIds(ids), (p) => p.id)),
      roundsOfProgramme: new DataLoader(async (ids) =>
        groupBy(ids, await awards.roundsOfProgrammes(ids), (r) => r.programmeId),
      ),
      allocationsOfRound: new DataLoader(async (ids) =>
        groupBy(ids, await awards.allocationsOfRounds(ids), (a) => a.roundId),
      ),
      stepsOfRound: new DataLoader(async (ids) =>
        groupBy(ids, await awards.stepsOfRounds(ids), (s) => s.roundId),
      ),
      paymentsOfRound: new DataLoader(async (ids) =>
        groupBy(ids, await awards.paymentsOfRounds(ids), (p) => p.roundId),
      ),
      allocationsOfUnit: perArgument(
        (year: number) =>
          new DataLoader<string, UnitAllocation[]>(async (ids) =>
            groupBy(ids, await awards.allocationsOfUnits(ids, year), (a) => a.unitId),
          ),
      ),
      visibleUnit: new DataLoader(async (keys) =>
        byKey(keys, await services.budgets.unitsInArea(onlyUuids(keys), homeUnitOf(ctx)), (u) => u.id),
      ),
      revisionsOfLine: new DataLoader(async (ids) =>
        groupBy(ids, await services.budgets.revisionsOf(ids), (r) => r.lineId),
      ),
      disbursementsOfLine: new DataLoader(async (ids) =>
        groupBy(ids, await services.budgets.disbursementsOf(ids), (d) => d.lineId),
      ),
      executionOf: perArgument(
        (year: number) =>
          new DataLoader<string, BudgetExecution>((ids) =>
            budgetExecutions(services.r8, ids, year, services.clock.today()),
          ),
      ),
    };
  });
}
