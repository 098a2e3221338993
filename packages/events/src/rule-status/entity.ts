import { Column, Entity, PrimaryColumn } from "typeorm";
import type { RuleFigures } from "./ledger";

/**
 * A row of `rule_status_published` (add it to the service's DataSource entities; create the table with
 * `createRuleStatusTable`). Written only by `publishRuleStatusIfChanged`.
 */
@Entity("rule_status_published")
export class RuleStatusPublishedEntity {
  @PrimaryColumn("text") rule: string;
  @PrimaryColumn({ name: "subject_unit_id", type: "uuid" }) subjectUnitId: string;
  @Column({ name: "subject_unit_path", type: "text" }) subjectUnitPath: string;
  /** '' for a standing rule; the year otherwise. */
  @PrimaryColumn("text") period: string;
  @Column("text") status: string;
  @Column("jsonb") figures: RuleFigures;
  @Column("text") reason: string;
  @Column({ name: "as_of", type: "timestamptz" }) asOf: Date;
  @Column({ name: "published_at", type: "timestamptz" }) publishedAt: Date;
}
