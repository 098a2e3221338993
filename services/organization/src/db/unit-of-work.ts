import { publishEvent } from "@grassroots/events";
import type { DataSource, EntityManager } from "typeorm";
import type { Transaction, UnitOfWork } from "../domain/ports";
import type { OutgoingEvent } from "../events/outgoing-event";
import { TypeOrmOrgUnitStore } from "./repositories/org-unit.store";
import { TypeOrmStandardizationStore } from "./repositories/standardization.store";

class TypeOrmTransaction implements Transaction {
  readonly units: TypeOrmOrgUnitStore;
  readonly standardization: TypeOrmStandardizationStore;

  constructor(private readonly manager: EntityManager) {
    this.units = new TypeOrmOrgUnitStore(manager);
    this.standardization = new TypeOrmStandardizationStore(manager);
  }

  async publish(event: OutgoingEvent): Promise<void> {
    await publishEvent(this.manager, event.contract, event.data, { key: event.key });
  }
}

/** One PostgreSQL transaction per unit of work: business rows and outbox rows commit together. */
export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new TypeOrmTransaction(manager)));
  }
}
