import { publishEvent, type EventContract, type EventData } from "@grassroots/events";
import type { DataSource, EntityManager } from "typeorm";
import type { Transaction, UnitOfWork } from "../domain/ports";
import { TypeOrmDirectoryStore } from "./repositories/directory";
import {
  TypeOrmCertificateStore,
  TypeOrmEnrollmentStore,
  TypeOrmSessionStore,
} from "./repositories/training.store";

/** One PostgreSQL transaction per unit of work: business rows and outbox rows commit together. */
export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager: EntityManager) =>
      work({
        sessions: new TypeOrmSessionStore(manager),
        enrollments: new TypeOrmEnrollmentStore(manager),
        certificates: new TypeOrmCertificateStore(manager),
        directory: new TypeOrmDirectoryStore(manager),
        publish: async <C extends EventContract>(contract: C, data: EventData<C>) => {
          await publishEvent(manager, contract, data);
        },
      }),
    );
  }
}
