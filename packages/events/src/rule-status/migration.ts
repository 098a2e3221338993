import type { QueryRunner } from "typeorm";

/**
 * Creates `rule_status_published` (in a service's migration): the last result each of the service's
 * rules published per subject and period, so a result is published only when it flips and every
 * current result can be republished on request. `period` is '' for a standing rule (a key column
 * cannot be null). Rule ids are checked by form, not by list, so a new rule needs no migration.
 */
export async function createRuleStatusTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE rule_status_published (
      rule              text NOT NULL CONSTRAINT rule_status_published_rule_check CHECK (rule ~ '^R[0-9]+\\.[a-z0-9-]+$'),
      subject_unit_id   uuid NOT NULL,
      subject_unit_path text NOT NULL,
      period            text NOT NULL CONSTRAINT rule_status_published_period_check CHECK (period = '' OR period ~ '^[0-9]{4}$'),
      status            text NOT NULL CONSTRAINT rule_status_published_status_check
                          CHECK (status IN ('MET', 'NOT_MET', 'NOT_APPLICABLE', 'UNKNOWN')),
      figures           jsonb NOT NULL CONSTRAINT rule_status_published_figures_check CHECK (jsonb_typeof(figures) = 'object'),
      reason            text NOT NULL,
      as_of             timestamptz NOT NULL,
      published_at      timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (rule, subject_unit_id, period)
    )`);
}

/** The down of `createRuleStatusTable`. */
export async function dropRuleStatusTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE rule_status_published`);
}
