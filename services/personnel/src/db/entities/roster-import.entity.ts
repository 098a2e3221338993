import { Column, Entity, PrimaryColumn } from "typeorm";
import type { RosterImportReport } from "../../domain/import/roster-plan";

/** `roster_import_result`: the report of a roster import sent with a client requestId. */
@Entity("roster_import_result")
export class RosterImportResultEntity {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "imported_by", type: "text" }) importedBy: string;
  @Column("jsonb") report: RosterImportReport;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}
