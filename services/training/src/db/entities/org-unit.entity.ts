import { Column, Entity, PrimaryColumn } from "typeorm";
import type { OrgUnitKind, OrgUnitRef } from "../../domain/directory";

/** The projection of organization's org tree (written by the reaction to organization's org-unit events only: src/domain/reactions). */
@Entity("org_unit")
export class OrgUnitProjection implements OrgUnitRef {
  @PrimaryColumn("uuid") id: string;
  @Column({ type: "char", length: 12 }) code: string;
  @Column("text") name: string;
  @Column("text") kind: OrgUnitKind;
  @Column({ name: "parent_id", type: "uuid", nullable: true }) parentId: string | null;
  @Column("text") path: string;
  @Column("boolean") active: boolean;
  @Column("integer") version: number;
}
