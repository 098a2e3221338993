import {
  publishEvent,
  TypeOrmRuleStatusLedger,
  type EventContract,
  type EventData,
} from "@grassroots/events";
import { TypeOrmIdempotencyStore } from "@grassroots/kit";
import type { DataSource, EntityManager } from "typeorm";
import type { Transaction, UnitOfWork } from "../domain/ports";
import { KeyedIdempotencyStore } from "./keyed-idempotency";
import { personalDataCipher } from "./personal-data";
import { TypeOrmAssignmentStore } from "./repositories/assignment.store";
import { TypeOrmCertificateStore } from "./repositories/certificate.store";
import { TypeOrmFilingStore } from "./repositories/filing.store";
import { TypeOrmProjectedUnits } from "./repositories/org-unit.store";
import { TypeOrmStaffingStatusStore } from "./repositories/staffing.store";
import { TypeOrmStatisticianStore } from "./repositories/statistician.store";
import { TypeOrmRuleSubjectStore } from "./repositories/rule-subject.store";
import { TypeOrmRosterImportStore } from "./repositories/roster-import.store";

/** The domain's view of one open PostgreSQL transaction (a unit of work's, or an inbox handler's). */
export function transactionOf(manager: EntityManager): Transaction {
  return {
    units: new TypeOrmProjectedUnits(manager),
    statisticians: new TypeOrmStatisticianStore(manager),
    assignments: new TypeOrmAssignmentStore(manager),
    filings: new TypeOrmFilingStore(manager),
    certificates: new TypeOrmCertificateStore(manager),
    staffing: new TypeOrmStaffingStatusStore(manager),
    idempotency: new KeyedIdempotencyStore(new TypeOrmIdempotencyStore(manager), personalDataCipher(manager)),
    rosterImports: new TypeOrmRosterImportStore(manager),
    ruleStatus: new TypeOrmRuleStatusLedger(manager),
    ruleSubjects: new TypeOrmRuleSubjectStore(manager),
    async publish<C extends EventContract>(contract: C, data: EventData<C>) {
      // Keyed by the data field the contract names (contract.key).
      await publishEvent(manager, contract, data);
    },
  };
}

/** One PostgreSQL transaction per unit of work: business rows and outbox rows commit together. */
export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionOf(manager)));
  }
}
