import {
  publishEvent,
  TypeOrmRuleStatusLedger,
  type EventContract,
  type EventData,
} from "@grassroots/events";
import { TypeOrmIdempotencyStore } from "@grassroots/kit";
import type { DataSource, EntityManager } from "typeorm";
import type { Transaction, UnitOfWork } from "../domain/ports";
import { TypeOrmAwardStore } from "./repositories/award.store";
import { TypeOrmBudgetStore } from "./repositories/budget.store";
import { TypeOrmOrgUnitStore } from "./repositories/org-unit.store";
import { TypeOrmPostStore } from "./repositories/post.store";
import { SqlR8Reads } from "./repositories/r8.reads";
import { TypeOrmSubsidyStore } from "./repositories/subsidy.store";

/**
 * The domain Transaction over one EntityManager: its stores and publish (the outbox row commits with
 * the change). Commands get it from the unit of work, reactions from the inbox transaction.
 */
export function transactionOf(manager: EntityManager): Transaction {
  return {
    units: new TypeOrmOrgUnitStore(manager),
    posts: new TypeOrmPostStore(manager),
    budgets: new TypeOrmBudgetStore(manager),
    awards: new TypeOrmAwardStore(manager),
    subsidies: new TypeOrmSubsidyStore(manager),
    r8: new SqlR8Reads(manager),
    ruleStatus: new TypeOrmRuleStatusLedger(manager),
    idempotency: new TypeOrmIdempotencyStore(manager),
    publish: async <C extends EventContract>(contract: C, data: EventData<C>) => {
      await publishEvent(manager, contract, data);
    },
  };
}

/** One PostgreSQL transaction per unit of work: business rows and outbox rows commit together. */
export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager: EntityManager) => work(transactionOf(manager)));
  }
}
