import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * R10 — work subsidies of village and community statisticians: each banner's subsidy standard in
 * versions (a version in force is never edited: a new one supersedes it from a date, closing the
 * old one's range), task records, claims with the computation they were built from, payment batches.
 */
export class Subsidy1764600003000 implements MigrationInterface {
  name = "Subsidy1764600003000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subsidy_standard (
        id               uuid PRIMARY KEY,
        banner_unit_id   uuid NOT NULL,
        version          integer NOT NULL CHECK (version >= 1),
        effective_from   date NOT NULL,
        effective_to     date,
        document_title   text NOT NULL CHECK (length(document_title) BETWEEN 1 AND 200),
        document_number  text NOT NULL CHECK (length(document_number) BETWEEN 1 AND 60),
        is_sample        boolean NOT NULL DEFAULT false,
        created_by       text NOT NULL,
        created_by_name  text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (banner_unit_id, version),
        UNIQUE (banner_unit_id, effective_from),
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    await q.query(`
      CREATE TABLE subsidy_standard_item (
        standard_id   uuid NOT NULL REFERENCES subsidy_standard (id),
        task_kind     text NOT NULL CHECK (task_kind ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        unit_of_work  text NOT NULL CHECK (length(unit_of_work) BETWEEN 1 AND 40),
        rate_fen      bigint NOT NULL CHECK (rate_fen > 0),
        is_minimum    boolean NOT NULL,
        PRIMARY KEY (standard_id, task_kind)
      )`);
    await q.query(`
      CREATE TABLE subsidy_claim (
        id                 uuid PRIMARY KEY,
        statistician_id    uuid NOT NULL,
        banner_unit_id     uuid NOT NULL,
        period             text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status             text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'PAID')),
        computed_fen       bigint NOT NULL CHECK (computed_fen >= 0),
        approved_fen       bigint CHECK (approved_fen >= 0),
        difference_reason  text,
        return_reason      text,
        submitted_by       text,
        submitted_at       timestamptz,
        approved_by        text,
        approved_by_name   text,
        approved_at        timestamptz,
        batch_id           uuid,
        version            integer NOT NULL CHECK (version >= 1),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        UNIQUE (statistician_id, banner_unit_id, period),
        -- the approved amount differs from the computed one only with a reason
        CHECK (approved_fen IS NULL OR approved_fen = computed_fen OR length(difference_reason) > 0),
        CHECK (status NOT IN ('APPROVED', 'PAID') OR approved_fen IS NOT NULL),
        CHECK ((status = 'PAID') = (batch_id IS NOT NULL)),
        CHECK (status <> 'RETURNED' OR length(return_reason) > 0)
      )`);
    await q.query(`
      CREATE TABLE task_record (
        id               uuid PRIMARY KEY,
        statistician_id  uuid NOT NULL,
        unit_id          uuid NOT NULL,
        banner_unit_id   uuid NOT NULL,
        task_kind        text NOT NULL CHECK (task_kind ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
        period           text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        business_date    date NOT NULL,
        evidence_ref     text NOT NULL CHECK (length(evidence_ref) BETWEEN 1 AND 200),
        claim_id         uuid REFERENCES subsidy_claim (id),
        recorded_by      text NOT NULL,
        recorded_by_name text NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_record_person_idx ON task_record (statistician_id, period)`);
    await q.query(`CREATE INDEX task_record_banner_idx ON task_record (banner_unit_id, period)`);
    await q.query(`
      CREATE TABLE claim_line (
        claim_id     uuid NOT NULL REFERENCES subsidy_claim (id),
        computation  integer NOT NULL CHECK (computation >= 1),
        task_id      uuid NOT NULL REFERENCES task_record (id),
        standard_id  uuid NOT NULL REFERENCES subsidy_standard (id),
        rate_fen     bigint NOT NULL CHECK (rate_fen > 0),
        amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
        PRIMARY KEY (claim_id, computation, task_id)
      )`);
    await q.query(`
      CREATE TABLE payment_batch (
        id              uuid PRIMARY KEY,
        banner_unit_id  uuid NOT NULL,
        period          text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        claim_count     integer NOT NULL CHECK (claim_count >= 1),
        total_fen       bigint NOT NULL CHECK (total_fen >= 0),
        voucher_number  text NOT NULL CHECK (length(voucher_number) BETWEEN 1 AND 60),
        paid_on         date NOT NULL,
        paid_by         text NOT NULL,
        paid_by_name    text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `ALTER TABLE subsidy_claim ADD CONSTRAINT subsidy_claim_batch_fk FOREIGN KEY (batch_id) REFERENCES payment_batch (id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subsidy_claim DROP CONSTRAINT subsidy_claim_batch_fk`);
    for (const table of [
      "payment_batch",
      "claim_line",
      "task_record",
      "subsidy_claim",
      "subsidy_standard_item",
      "subsidy_standard",
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
