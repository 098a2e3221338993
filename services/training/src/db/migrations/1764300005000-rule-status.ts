import { createRuleStatusTable, dropRuleStatusTable } from "@grassroots/events";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 12: the last published R6 result per city or banner and year (the events package's
 * `rule_status_published`), so a result is published only when it flips and can be republished.
 */
export class RuleStatus1764300005000 implements MigrationInterface {
  name = "RuleStatus1764300005000";

  async up(q: QueryRunner): Promise<void> {
    await createRuleStatusTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRuleStatusTable(q);
  }
}
