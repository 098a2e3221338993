import { systemClock, type Clock } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import type { FinanceServices } from "../domain/ports";
import { SqlAwardReads } from "./repositories/award.reads";
import { SqlBudgetReads } from "./repositories/budget.reads";
import { SqlR8Reads } from "./repositories/r8.reads";
import { SqlSubsidyReads } from "./repositories/subsidy.reads";
import { TypeOrmUnitOfWork } from "./unit-of-work";

export function createServices(dataSource: DataSource, options: { clock?: Clock } = {}): FinanceServices {
  return {
    uow: new TypeOrmUnitOfWork(dataSource),
    budgets: new SqlBudgetReads(dataSource),
    awards: new SqlAwardReads(dataSource),
    subsidies: new SqlSubsidyReads(dataSource),
    r8: new SqlR8Reads(dataSource),
    clock: options.clock ?? systemClock,
  };
}
