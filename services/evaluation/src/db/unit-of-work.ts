import {
  publishEvent,
  TypeOrmRuleStatusLedger,
  type EventContract,
  type EventData,
} from "@grassroots/events";
import { TypeOrmIdempotencyStore } from "@grassroots/kit";
import type { DataSource, EntityManager } from "typeorm";
import type { Transaction, UnitOfWork } from "../domain/ports";
import { TypeOrmAssessmentStore } from "./repositories/assessment.store";
import { TypeOrmCommendationStore } from "./repositories/commendation.store";
import { TypeOrmMeetingStore } from "./repositories/meeting.store";
import { TypeOrmOrgUnitStore } from "./repositories/org-unit.store";
import { TypeOrmRuleStatusStore } from "./repositories/rule-status.store";
import { TypeOrmSchemeStore } from "./repositories/scheme.store";
import { TypeOrmStatisticianStore } from "./repositories/statistician.store";
import { TypeOrmSupervisionStore } from "./repositories/supervision.store";

/**
 * The domain Transaction over one EntityManager: its stores and publish (the outbox row commits with
 * the change). Commands get it from the unit of work, reactions from the inbox transaction.
 */
export function transactionOf(manager: EntityManager): Transaction {
  return {
    units: new TypeOrmOrgUnitStore(manager),
    ruleStatuses: new TypeOrmRuleStatusStore(manager),
    schemes: new TypeOrmSchemeStore(manager),
    assessments: new TypeOrmAssessmentStore(manager),
    meetings: new TypeOrmMeetingStore(manager),
    supervision: new TypeOrmSupervisionStore(manager),
    statisticians: new TypeOrmStatisticianStore(manager),
    commendations: new TypeOrmCommendationStore(manager),
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
