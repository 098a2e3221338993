import { TypeOrmIdempotencyStore } from "@grassroots/kit";
import {
  publishEvent,
  TypeOrmRuleStatusLedger,
  type EventContract,
  type EventData,
} from "@grassroots/events";
import type { DataSource, EntityManager } from "typeorm";
import type { Transaction, UnitOfWork } from "../domain/ports";
import { TypeOrmCertificateStore } from "./repositories/certificate.store";
import { TypeOrmEnrollmentStore } from "./repositories/enrollment.store";
import { TypeOrmOrgUnitStore } from "./repositories/org-unit.store";
import { TypeOrmSessionStore } from "./repositories/session.store";
import { TypeOrmStatisticianStore } from "./repositories/statistician.store";
import { SqlCoverageReads } from "./repositories/coverage.reads";
import { TypeOrmRuleSubjectStore } from "./repositories/rule-subject.store";

/**
 * The domain Transaction over one EntityManager: its stores and publish (the outbox row commits with
 * the change). Commands get it from the unit of work, reactions from the inbox transaction.
 */
export function transactionOf(manager: EntityManager): Transaction {
  return {
    sessions: new TypeOrmSessionStore(manager),
    enrollments: new TypeOrmEnrollmentStore(manager),
    certificates: new TypeOrmCertificateStore(manager),
    units: new TypeOrmOrgUnitStore(manager),
    statisticians: new TypeOrmStatisticianStore(manager),
    idempotency: new TypeOrmIdempotencyStore(manager),
    coverage: new SqlCoverageReads(manager),
    ruleStatus: new TypeOrmRuleStatusLedger(manager),
    ruleSubjects: new TypeOrmRuleSubjectStore(manager),
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
