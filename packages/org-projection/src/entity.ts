import { Column, Entity, PrimaryColumn } from "typeorm";
import type { OrgUnitKind, OrgUnitProjection } from "./units";

/**
 * The `org_unit` projection row (add it to the service's DataSource entities). `projected_at` is
 * left to the database. The kit's `orgUnitHomePath` reads `org_unit(id, path, active)`.
 */
@Entity("org_unit")
export class OrgUnitProjectionEntity implements OrgUnitProjection {
  @PrimaryColumn("uuid") id: string;
  @Column("char", { length: 12 }) code: string;
  @Column("text") name: string;
  @Column("text") kind: OrgUnitKind;
  @Column({ name: "parent_id", type: "uuid", nullable: true }) parentId: string | null;
  @Column("text") path: string;
  @Column("smallint") depth: number;
  @Column({ name: "register_count", type: "integer", nullable: true }) registerCount: number | null;
  @Column("boolean") active: boolean;
  @Column("integer") version: number;
}
