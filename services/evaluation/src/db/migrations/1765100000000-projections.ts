import { createClientRequestTable, dropClientRequestTable } from "@grassroots/kit";
import { createOrgUnitProjectionTable, dropOrgUnitProjectionTable } from "@grassroots/org-projection";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What evaluation learns from the other services' events (never their databases): the org tree
 * (@grassroots/org-projection's one shape) and every rule's result — one row per rule, subject unit
 * and period, the latest by `as_of`. No foreign key from rule_status to org_unit: events of different
 * services arrive in any order. Also the kit's client request table (retried mutations).
 */
export class Projections1765100000000 implements MigrationInterface {
  name = "Projections1765100000000";

  async up(q: QueryRunner): Promise<void> {
    await createOrgUnitProjectionTable(q);
    await createClientRequestTable(q);
    await q.query(`
      CREATE TABLE rule_status (
        rule               text NOT NULL CHECK (rule ~ '^R[0-9]+\\.[a-z-]+$'),
        subject_unit_id    uuid NOT NULL,
        subject_unit_path  text NOT NULL CHECK (subject_unit_path ~ '/$'),
        period             text CHECK (period ~ '^[0-9]{4}$'),
        -- a standing rule's row has no period; the key needs a value for it
        period_key         text GENERATED ALWAYS AS (coalesce(period, '-')) STORED,
        status             text NOT NULL CHECK (status IN ('MET', 'NOT_MET', 'NOT_APPLICABLE', 'UNKNOWN')),
        figures            jsonb NOT NULL CHECK (jsonb_typeof(figures) = 'object'),
        reason             text NOT NULL,
        since              timestamptz NOT NULL,
        as_of              timestamptz NOT NULL,
        projected_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT rule_status_since CHECK (since <= as_of),
        PRIMARY KEY (rule, subject_unit_id, period_key)
      )`);
    await q.query(`CREATE INDEX rule_status_subject_idx ON rule_status (subject_unit_id, period_key)`);
    await q.query(`CREATE INDEX rule_status_path_idx ON rule_status (subject_unit_path text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rule_status`);
    await dropClientRequestTable(q);
    await dropOrgUnitProjectionTable(q);
  }
}
