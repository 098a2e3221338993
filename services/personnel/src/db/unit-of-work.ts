import { publishEvent } from "@grassroots/events";
import type { DataSource, EntityManager } from "typeorm";
import type { EventData } from "@grassroots/events";
import type { OutgoingEvent, Transaction, UnitOfWork } from "../domain/ports";
import {
  SqlAssignmentStore,
  SqlCertificateStore,
  SqlFilingStore,
  SqlIdempotencyStore,
  SqlOrgUnitProjection,
  SqlStaffingStatusStore,
  SqlStatisticianStore,
} from "./repositories/stores";

/** The domain's view of one open PostgreSQL transaction (a unit of work's, or an inbox handler's). */
export function transactionOf(manager: EntityManager): Transaction {
  return {
    units: new SqlOrgUnitProjection(manager),
    statisticians: new SqlStatisticianStore(manager),
    assignments: new SqlAssignmentStore(manager),
    filings: new SqlFilingStore(manager),
    certificates: new SqlCertificateStore(manager),
    staffing: new SqlStaffingStatusStore(manager),
    idempotency: new SqlIdempotencyStore(manager),
    async publish(event: OutgoingEvent) {
      await publishEvent(manager, event.contract, event.data as EventData<typeof event.contract>, {
        key: event.key,
      });
    },
  };
}

/** One PostgreSQL transaction per unit of work: business rows and outbox rows commit together. */
export class SqlUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionOf(manager)));
  }
}
