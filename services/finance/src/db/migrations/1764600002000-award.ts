import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * R9 — 以奖代补: the award programme, its allocation rule as versioned data (each version a row,
 * never edited), evaluation's published results as received (every revision kept), and allocation
 * rounds with the inputs they used, their allocations, payments and every step for the audit view.
 */
export class Award1764600002000 implements MigrationInterface {
  name = "Award1764600002000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_programme (
        id                 uuid PRIMARY KEY,
        city_unit_id       uuid NOT NULL,
        name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        first_year         integer NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
        last_year          integer NOT NULL,
        annual_amount_fen  bigint NOT NULL CHECK (annual_amount_fen > 0),
        rule_version       integer NOT NULL CHECK (rule_version >= 1),
        is_sample          boolean NOT NULL DEFAULT false,
        created_by         text NOT NULL,
        created_by_name    text NOT NULL,
        version            integer NOT NULL CHECK (version >= 1),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (last_year BETWEEN first_year AND first_year + 10)
      )`);
    await q.query(`
      CREATE TABLE award_rule_version (
        programme_id     uuid NOT NULL REFERENCES award_programme (id),
        version          integer NOT NULL CHECK (version >= 1),
        rule             jsonb NOT NULL CHECK (rule->>'kind' IN ('TIERS', 'SCORE_PROPORTIONAL', 'BASE_PLUS_PERFORMANCE')),
        is_sample        boolean NOT NULL,
        created_by       text NOT NULL,
        created_by_name  text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (programme_id, version)
      )`);
    await q.query(`
      CREATE TABLE assessment_result_set (
        result_set_id  uuid PRIMARY KEY,
        scheme_id      uuid NOT NULL,
        owner_unit_id  uuid NOT NULL,
        subject_kind   text NOT NULL,
        year           integer NOT NULL,
        revision       integer NOT NULL CHECK (revision >= 1),
        supersedes     uuid,
        reason         text,
        published_at   timestamptz NOT NULL,
        results        jsonb NOT NULL CHECK (jsonb_typeof(results) = 'array'),
        received_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX assessment_result_set_owner_idx ON assessment_result_set (owner_unit_id, year)`,
    );
    await q.query(`
      CREATE TABLE allocation_round (
        id                uuid PRIMARY KEY,
        programme_id      uuid NOT NULL REFERENCES award_programme (id),
        fiscal_year       integer NOT NULL,
        line_id           uuid NOT NULL REFERENCES budget_line (id),
        status            text NOT NULL CHECK (status IN ('DRAFT', 'COMPUTED', 'APPROVED', 'DISBURSED', 'CLOSED')),
        rule_version      integer,
        result_set_id     uuid REFERENCES assessment_result_set (result_set_id),
        -- each computation keeps its allocations (a recomputation adds a set, never overwrites one)
        computation       integer NOT NULL DEFAULT 0 CHECK (computation >= 0),
        remainder_fen     bigint CHECK (remainder_fen >= 0),
        computed_by       text,
        computed_by_name  text,
        computed_at       timestamptz,
        approved_by       text,
        approved_by_name  text,
        approved_at       timestamptz,
        flag              text,
        version           integer NOT NULL CHECK (version >= 1),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (programme_id, fiscal_year),
        FOREIGN KEY (programme_id, rule_version) REFERENCES award_rule_version (programme_id, version),
        CHECK (status = 'DRAFT' OR (rule_version IS NOT NULL AND result_set_id IS NOT NULL AND computed_by IS NOT NULL)),
        CHECK (status IN ('DRAFT', 'COMPUTED') OR approved_by IS NOT NULL),
        -- two people: the approver is not who computed the round
        CHECK (approved_by IS NULL OR approved_by <> computed_by)
      )`);
    await q.query(`
      CREATE TABLE round_allocation (
        round_id    uuid NOT NULL REFERENCES allocation_round (id),
        computation integer NOT NULL CHECK (computation >= 1),
        unit_id     uuid NOT NULL,
        unit_code   text NOT NULL,
        unit_name   text NOT NULL,
        score       text NOT NULL CHECK (score ~ '^[0-9]{1,4}\\.[0-9]{2}$'),
        grade       text,
        amount_fen  bigint NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (round_id, computation, unit_id)
      )`);
    await q.query(`
      CREATE TABLE round_payment (
        disbursement_id  uuid PRIMARY KEY REFERENCES disbursement (id),
        round_id         uuid NOT NULL REFERENCES allocation_round (id),
        computation      integer NOT NULL,
        unit_id          uuid NOT NULL,
        FOREIGN KEY (round_id, computation, unit_id) REFERENCES round_allocation (round_id, computation, unit_id)
      )`);
    await q.query(`
      CREATE TABLE round_step (
        round_id    uuid NOT NULL REFERENCES allocation_round (id),
        seq         integer NOT NULL CHECK (seq >= 1),
        step        text NOT NULL,
        actor_id    text NOT NULL,
        actor_name  text NOT NULL,
        at          timestamptz NOT NULL DEFAULT now(),
        note        text,
        PRIMARY KEY (round_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "round_step",
      "round_payment",
      "round_allocation",
      "allocation_round",
      "assessment_result_set",
      "award_rule_version",
      "award_programme",
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
