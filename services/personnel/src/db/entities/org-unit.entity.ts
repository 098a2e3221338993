import { Column, Entity, PrimaryColumn } from "typeorm";
import type { OrgUnitKind, OrgUnitView } from "../../domain/org-unit";

/** `org_unit`: the local projection of organization's units (written only by its events). */
@Entity("org_unit")
export class OrgUnitEntity implements OrgUnitView {
  @PrimaryColumn("uuid") id: string;
  @Column({ type: "char", length: 12 }) code: string;
  @Column("text") name: string;
  @Column("text") kind: OrgUnitKind;
  @Column({ name: "parent_id", type: "uuid", nullable: true }) parentId: string | null;
  @Column("text") path: string;
  @Column("smallint") depth: number;
  @Column({ name: "register_count", type: "integer", nullable: true }) registerCount: number | null;
  @Column("boolean") active: boolean;
  @Column("integer") version: number;
  @Column({ name: "received_at", type: "timestamptz" }) receivedAt: Date;
}
