import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { ImportReport } from "../../domain/commands/import-divisions";
import type { DivisionImportStore } from "../../domain/ports";
import { DivisionImportResultEntity } from "../entities/division-import.entity";

/** Reports of imports sent with a client requestId, inside the import's transaction. */
export class TypeOrmDivisionImportStore implements DivisionImportStore {
  constructor(private readonly manager: EntityManager) {}

  async record(report: ImportReport, importedBy: string): Promise<string> {
    const id = randomUUID();
    await this.manager.insert(DivisionImportResultEntity, { id, importedBy, report });
    return id;
  }

  async get(id: string): Promise<ImportReport | undefined> {
    return (await this.manager.findOneBy(DivisionImportResultEntity, { id }))?.report;
  }
}
