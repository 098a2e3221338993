import {
  publishEvent,
  TypeOrmRuleStatusLedger,
  type EventContract,
  type EventData,
} from "@grassroots/events";
import { TypeOrmIdempotencyStore } from "@grassroots/kit";
import type { DataSource, EntityManager } from "typeorm";
import type { Transaction, UnitOfWork } from "../domain/ports";
import { TypeOrmRuleSubjectStore } from "./repositories/rule-subject.store";
import { TypeOrmDivisionBulkStore } from "./repositories/division-bulk.store";
import { TypeOrmDivisionImportStore } from "./repositories/division-import.store";
import { TypeOrmOrgUnitStore } from "./repositories/org-unit.store";
import { TypeOrmStandardizationStore } from "./repositories/standardization.store";

class TypeOrmTransaction implements Transaction {
  readonly units: TypeOrmOrgUnitStore;
  readonly bulk: TypeOrmDivisionBulkStore;
  readonly standardization: TypeOrmStandardizationStore;
  readonly idempotency: TypeOrmIdempotencyStore;
  readonly imports: TypeOrmDivisionImportStore;
  readonly ruleSubjects: TypeOrmRuleSubjectStore;
  readonly ruleStatus: TypeOrmRuleStatusLedger;

  constructor(private readonly manager: EntityManager) {
    this.ruleSubjects = new TypeOrmRuleSubjectStore(manager);
    this.ruleStatus = new TypeOrmRuleStatusLedger(manager);
    this.units = new TypeOrmOrgUnitStore(manager);
    this.bulk = new TypeOrmDivisionBulkStore(manager);
    this.standardization = new TypeOrmStandardizationStore(manager);
    this.idempotency = new TypeOrmIdempotencyStore(manager);
    this.imports = new TypeOrmDivisionImportStore(manager);
  }

  async publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void> {
    // Keyed by the data field the contract names (contract.key.field), as publishEvent defaults.
    await publishEvent(this.manager, contract, data);
  }
}

/** One PostgreSQL transaction per unit of work: business rows and outbox rows commit together. */
export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new TypeOrmTransaction(manager)));
  }
}
