import { createRuleStatusTable } from "@grassroots/events";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * R8: budget lines, their revisions (each a new row linked to the one it revises, never an
 * overwrite), each revision's payment schedule, disbursements and their reversals (a reversal is a
 * row of its own referencing the payment; nothing is edited or deleted), closed fiscal years, and the
 * events package's rule-status ledger (R8's result per subject and year goes out only when it flips).
 * Money is BIGINT fen throughout.
 */
export class Budget1764600001000 implements MigrationInterface {
  name = "Budget1764600001000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budget_line (
        id                uuid PRIMARY KEY,
        fiscal_year       integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        level             text NOT NULL CHECK (level IN ('CITY', 'BANNER')),
        owner_unit_id     uuid NOT NULL,
        purpose           text NOT NULL CHECK (purpose ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        purpose_name      text CHECK (length(purpose_name) BETWEEN 1 AND 100),
        current_revision  integer NOT NULL CHECK (current_revision >= 1),
        created_by        text NOT NULL,
        created_by_name   text NOT NULL,
        version           integer NOT NULL CHECK (version >= 1),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (purpose IN ('WORK_FUNDS', 'AWARD_PROGRAMME', 'SUBSIDIES') OR purpose_name IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX budget_line_owner_idx ON budget_line (owner_unit_id, fiscal_year)`);
    await q.query(`
      CREATE TABLE budget_line_revision (
        line_id              uuid NOT NULL REFERENCES budget_line (id),
        revision             integer NOT NULL CHECK (revision >= 1),
        revises_revision     integer,
        amount_fen           bigint NOT NULL CHECK (amount_fen > 0),
        beneficiary_unit_id  uuid,
        classification_code  text NOT NULL CHECK (length(classification_code) BETWEEN 1 AND 40),
        document_title       text NOT NULL CHECK (length(document_title) BETWEEN 1 AND 200),
        document_number      text NOT NULL CHECK (length(document_number) BETWEEN 1 AND 60),
        schedule_kind        text NOT NULL CHECK (schedule_kind IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'ONCE', 'CUSTOM')),
        reason               text,
        revised_by           text NOT NULL,
        revised_by_name      text NOT NULL,
        revised_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (line_id, revision),
        FOREIGN KEY (line_id, revises_revision) REFERENCES budget_line_revision (line_id, revision),
        -- the first version revises nothing; every later one revises the one before it, with a reason
        CHECK ((revision = 1 AND revises_revision IS NULL AND reason IS NULL)
            OR (revision > 1 AND revises_revision = revision - 1 AND length(reason) > 0))
      )`);
    await q.query(
      `CREATE INDEX budget_line_revision_beneficiary_idx ON budget_line_revision (beneficiary_unit_id)`,
    );
    await q.query(`
      CREATE TABLE budget_instalment (
        line_id     uuid NOT NULL,
        revision    integer NOT NULL,
        seq         integer NOT NULL CHECK (seq BETWEEN 1 AND 60),
        due_date    date NOT NULL,
        amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
        PRIMARY KEY (line_id, revision, seq),
        FOREIGN KEY (line_id, revision) REFERENCES budget_line_revision (line_id, revision)
      )`);
    await q.query(`
      CREATE TABLE disbursement (
        id                     uuid PRIMARY KEY,
        line_id                uuid NOT NULL REFERENCES budget_line (id),
        instalment_seq         integer NOT NULL CHECK (instalment_seq >= 1),
        kind                   text NOT NULL CHECK (kind IN ('PAYMENT', 'REVERSAL')),
        amount_fen             bigint NOT NULL CHECK (amount_fen > 0),
        paid_on                date NOT NULL,
        voucher_number         text NOT NULL CHECK (length(voucher_number) BETWEEN 1 AND 60),
        payer                  text NOT NULL CHECK (length(payer) BETWEEN 1 AND 100),
        reverses_id            uuid UNIQUE REFERENCES disbursement (id),
        reason                 text,
        over_budget_document   text,
        over_budget_reason     text,
        recorded_by            text NOT NULL,
        recorded_by_name       text NOT NULL,
        recorded_at            timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL)),
        CHECK (kind = 'PAYMENT' OR length(reason) > 0),
        CHECK ((over_budget_document IS NULL) = (over_budget_reason IS NULL)),
        CHECK (kind = 'PAYMENT' OR over_budget_document IS NULL)
      )`);
    await q.query(`CREATE INDEX disbursement_line_idx ON disbursement (line_id)`);
    await q.query(`
      CREATE TABLE fiscal_year_closure (
        owner_unit_id   uuid NOT NULL,
        fiscal_year     integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        closed_by       text NOT NULL,
        closed_by_name  text NOT NULL,
        closed_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_unit_id, fiscal_year)
      )`);
    await createRuleStatusTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "rule_status_published",
      "fiscal_year_closure",
      "disbursement",
      "budget_instalment",
      "budget_line_revision",
      "budget_line",
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
