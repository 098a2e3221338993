import { systemClock, type Clock } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import type { TrainingServices } from "../domain/ports";
import { DEFAULT_PASS_RULE, type PassRule } from "../rules/r7-pre-post-training";
import { SqlCoverageReads } from "./repositories/coverage.reads";
import { SqlTrainingReads } from "./repositories/training.reads";
import { TypeOrmUnitOfWork } from "./unit-of-work";

export function createServices(
  dataSource: DataSource,
  options: { clock?: Clock; passRule?: PassRule } = {},
): TrainingServices {
  return {
    uow: new TypeOrmUnitOfWork(dataSource),
    reads: new SqlTrainingReads(dataSource),
    coverage: new SqlCoverageReads(dataSource),
    clock: options.clock ?? systemClock,
    passRule: options.passRule ?? DEFAULT_PASS_RULE,
  };
}
