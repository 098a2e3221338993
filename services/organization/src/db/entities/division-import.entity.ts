import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ImportReport } from "../../domain/commands/import-divisions";

/** `division_import_result`: the report of an import sent with a client requestId. */
@Entity("division_import_result")
export class DivisionImportResultEntity {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "imported_by", type: "text" }) importedBy: string;
  @Column("jsonb") report: ImportReport;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}
