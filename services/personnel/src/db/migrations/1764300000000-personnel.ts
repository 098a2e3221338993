import type { MigrationInterface, QueryRunner } from "typeorm";

const KINDS = `'CITY','DISTRICT','BANNER','SUBDISTRICT','TOWN','TOWNSHIP','SUMU','PARK','COMMUNITY','VILLAGE','GACHA'`;

/**
 * Personnel's tables: the org-unit projection (from organization's events), statisticians, their posts,
 * R7 pre-post certificates (from training's events), R5 filings and their history, the last published
 * staffing compliance per unit, and idempotency keys. Nothing of the business is ever deleted: triggers
 * refuse DELETE, and UPDATE of filing history.
 */
export class Personnel1764300000000 implements MigrationInterface {
  name = "Personnel1764300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_unit (
        id              uuid PRIMARY KEY,
        code            char(12) NOT NULL,
        name            text NOT NULL,
        kind            text NOT NULL CHECK (kind IN (${KINDS})),
        parent_id       uuid,
        path            text NOT NULL,
        depth           smallint NOT NULL CHECK (depth BETWEEN 0 AND 3),
        register_count  integer CHECK (register_count >= 0),
        active          boolean NOT NULL,
        version         integer NOT NULL CHECK (version >= 1),
        received_at     timestamptz NOT NULL DEFAULT now()
      )`);
    // Subtree reads are `path LIKE prefix%`: text_pattern_ops makes that an index range scan in any collation.
    await q.query(`CREATE INDEX org_unit_path_prefix_idx ON org_unit (path text_pattern_ops)`);
    await q.query(`CREATE INDEX org_unit_code_idx ON org_unit (code)`);

    await q.query(`
      CREATE TABLE statistician (
        id                uuid PRIMARY KEY,
        name              text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
        gender            text NOT NULL CHECK (gender IN ('MALE','FEMALE')),
        ethnicity         text,
        id_number         char(18) NOT NULL UNIQUE CHECK (id_number ~ '^[1-9][0-9]{16}[0-9X]$'),
        birth_date        date NOT NULL,
        phone             text,
        education         text,
        title             text CHECK (title IN ('JUNIOR','INTERMEDIATE','SENIOR','PROFESSOR_LEVEL')),
        notes             text,
        registered_at_id  uuid NOT NULL REFERENCES org_unit (id),
        is_sample         boolean NOT NULL DEFAULT false,
        version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by        text NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX statistician_registered_at_idx ON statistician (registered_at_id)`);
    await q.query(`CREATE INDEX statistician_name_idx ON statistician (name, id)`);

    // No foreign key to statistician: the certificate is training's fact and is kept whatever arrives first.
    await q.query(`
      CREATE TABLE pre_post_certificate (
        certificate_id      uuid PRIMARY KEY,
        certificate_number  text NOT NULL,
        statistician_id     uuid NOT NULL,
        session_id          uuid NOT NULL,
        completed_on        date NOT NULL,
        is_sample           boolean NOT NULL DEFAULT false,
        received_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX pre_post_certificate_person_idx ON pre_post_certificate (statistician_id, completed_on)`,
    );

    await q.query(`
      CREATE TABLE post_assignment (
        id               uuid PRIMARY KEY,
        statistician_id  uuid NOT NULL REFERENCES statistician (id),
        org_unit_id      uuid NOT NULL REFERENCES org_unit (id),
        role             text NOT NULL CHECK (role IN ('FULL_TIME','PART_TIME','LIAISON')),
        establishment    text NOT NULL CHECK (establishment IN ('IN_ESTABLISHMENT','CONTRACT','PUBLIC_WELFARE_POST')),
        status           text NOT NULL CHECK (status IN ('PENDING_TRAINING','ACTIVE','ENDED')),
        start_date       date NOT NULL,
        end_date         date,
        end_reason       text,
        certificate_id   uuid REFERENCES pre_post_certificate (certificate_id),
        activated_at     timestamptz,
        version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_assignment_period CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT post_assignment_ended CHECK (status <> 'ENDED' OR (end_date IS NOT NULL AND end_reason IS NOT NULL)),
        -- R7: no ACTIVE post without a pre-post certificate, whatever code writes it.
        CONSTRAINT post_assignment_active_needs_certificate CHECK (status <> 'ACTIVE' OR certificate_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX post_assignment_one_open_per_unit ON post_assignment (statistician_id, org_unit_id) WHERE status <> 'ENDED'`,
    );
    await q.query(
      `CREATE INDEX post_assignment_unit_idx ON post_assignment (org_unit_id, status, start_date, id)`,
    );
    await q.query(`CREATE INDEX post_assignment_person_idx ON post_assignment (statistician_id, status)`);

    await q.query(`
      CREATE TABLE filing (
        id               uuid PRIMARY KEY,
        change           text NOT NULL CHECK (change IN ('APPOINTMENT','TRANSFER','ROLE_CHANGE','DEPARTURE')),
        statistician_id  uuid NOT NULL REFERENCES statistician (id),
        assignment_id    uuid NOT NULL REFERENCES post_assignment (id),
        org_unit_id      uuid NOT NULL REFERENCES org_unit (id),
        org_unit_path    text NOT NULL,
        banner_id        uuid NOT NULL,
        township_id      uuid,
        route            text NOT NULL CHECK (route IN ('VIA_TOWNSHIP','DIRECT')),
        status           text NOT NULL CHECK (status IN ('SUBMITTED','FORWARDED','FILED','RETURNED')),
        details          jsonb NOT NULL DEFAULT '{}',
        submitted_on     date NOT NULL,
        submitted_by     text NOT NULL,
        submitted_at     timestamptz NOT NULL,
        forwarded_by     text,
        forwarded_at     timestamptz,
        decided_by       text,
        decided_at       timestamptz,
        return_reason    text,
        version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT filing_route_township CHECK ((route = 'VIA_TOWNSHIP') = (township_id IS NOT NULL)),
        CONSTRAINT filing_forwarded_via_township CHECK (route = 'VIA_TOWNSHIP' OR status <> 'FORWARDED'),
        CONSTRAINT filing_returned_with_reason CHECK (status <> 'RETURNED' OR return_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX filing_unit_idx ON filing (org_unit_id)`);
    await q.query(`CREATE INDEX filing_open_idx ON filing (submitted_on, id) WHERE status <> 'FILED'`);
    await q.query(`CREATE INDEX filing_banner_idx ON filing (banner_id, status)`);
    await q.query(`CREATE INDEX filing_statistician_idx ON filing (statistician_id)`);
    await q.query(`CREATE INDEX filing_assignment_idx ON filing (assignment_id)`);

    await q.query(`
      CREATE TABLE filing_step (
        id           bigserial PRIMARY KEY,
        filing_id    uuid NOT NULL REFERENCES filing (id),
        step         text NOT NULL CHECK (step IN ('SUBMIT','FORWARD','FILE','RETURN','RESUBMIT')),
        from_status  text,
        to_status    text NOT NULL,
        actor        text NOT NULL,
        at           timestamptz NOT NULL,
        note         text
      )`);
    await q.query(`CREATE INDEX filing_step_filing_idx ON filing_step (filing_id, id)`);

    await q.query(`
      CREATE TABLE staffing_status (
        org_unit_id  uuid PRIMARY KEY REFERENCES org_unit (id),
        compliant    boolean NOT NULL,
        gaps         jsonb NOT NULL,
        changed_at   timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE idempotency_key (
        request_id   text PRIMARY KEY,
        operation    text NOT NULL,
        actor_id     text NOT NULL,
        fingerprint  text NOT NULL,
        result_id    uuid,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);

    // History is kept forever: business rows are never deleted, filing steps never rewritten.
    await q.query(`
      CREATE FUNCTION personnel_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % is refused: personnel keeps its history (end or return records instead)', TG_OP, TG_TABLE_NAME;
      END $$`);
    for (const table of ["statistician", "post_assignment", "filing", "pre_post_certificate"]) {
      await q.query(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION personnel_refuse_change()`,
      );
    }
    await q.query(
      `CREATE TRIGGER filing_step_append_only BEFORE UPDATE OR DELETE ON filing_step FOR EACH ROW EXECUTE FUNCTION personnel_refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "idempotency_key",
      "staffing_status",
      "filing_step",
      "filing",
      "post_assignment",
      "pre_post_certificate",
      "statistician",
      "org_unit",
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION personnel_refuse_change()`);
  }
}
