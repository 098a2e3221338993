import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { RosterImportReport } from "../../domain/import/roster-plan";
import type { RosterImportStore } from "../../domain/ports";
import { RosterImportResultEntity } from "../entities/roster-import.entity";

/** Reports of roster imports sent with a client requestId, inside the import's transaction. */
export class TypeOrmRosterImportStore implements RosterImportStore {
  constructor(private readonly manager: EntityManager) {}

  async record(report: RosterImportReport, importedBy: string): Promise<string> {
    const id = randomUUID();
    await this.manager.insert(RosterImportResultEntity, { id, importedBy, report });
    return id;
  }

  async get(id: string): Promise<RosterImportReport | undefined> {
    return (await this.manager.findOneBy(RosterImportResultEntity, { id }))?.report;
  }
}
