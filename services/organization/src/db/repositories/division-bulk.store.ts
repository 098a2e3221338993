import { publishEvents, publishRuleStatusesInBulk } from "@grassroots/events";
import type { RuleStatusResult } from "@grassroots/events/contracts";
import type { EntityManager } from "typeorm";
import type { NewOrgUnit, OrgUnit } from "../../domain/org-unit";
import type { BulkUnitChange, DivisionBulkStore, PendingEvent, StagedDivisionRow } from "../../domain/ports";

const STAGE = "division_import_stage";

/** org_unit's columns as OrgUnit's fields (dates as the entity reads them: 'YYYY-MM-DD' strings). */
const UNIT_COLUMNS = (u: string) => `${u}.id, ${u}.code, ${u}.name, ${u}.kind, ${u}.parent_id AS "parentId",
  ${u}.path, ${u}.depth, ${u}.post_established AS "postEstablished",
  ${u}.post_established_on::text AS "postEstablishedOn", ${u}.register_count AS "registerCount",
  ${u}.register_as_of::text AS "registerAsOf", ${u}.is_sample AS "isSample", ${u}.active,
  ${u}.deactivated_at AS "deactivatedAt", ${u}.deactivated_by AS "deactivatedBy",
  ${u}.deactivated_by_name AS "deactivatedByName", ${u}.deactivation_reason AS "deactivationReason",
  ${u}.version, ${u}.created_at AS "createdAt", ${u}.updated_at AS "updatedAt"`;

/** Runs `write` once per `chunk` items, concatenating what each returns (one statement per chunk). */
async function inChunks<T, R>(
  items: readonly T[],
  chunk: number,
  write: (part: readonly T[]) => Promise<R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += chunk) {
    out.push(...(await write(items.slice(start, start + chunk))));
  }
  return out;
}

/** The division import's bulk reads and writes inside one transaction (the manager belongs to it). */
export class TypeOrmDivisionBulkStore implements DivisionBulkStore {
  constructor(private readonly manager: EntityManager) {}

  async stage(rows: readonly StagedDivisionRow[], chunk: number): Promise<void> {
    // TEMP: private to this session, gone at commit or rollback; no migration, nothing left behind.
    await this.manager.query(
      `CREATE TEMP TABLE ${STAGE} (seq integer PRIMARY KEY, code text NOT NULL, parent_code text,
         derived_id uuid NOT NULL) ON COMMIT DROP`,
    );
    // pg offers no COPY FROM STDIN without pg-copy-streams: multi-row INSERT … SELECT FROM unnest instead.
    await inChunks(rows, chunk, async (part) => {
      await this.manager.query(
        `INSERT INTO ${STAGE} (seq, code, parent_code, derived_id)
         SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::uuid[])`,
        [
          part.map((r) => r.seq),
          part.map((r) => r.code),
          part.map((r) => r.parentCode),
          part.map((r) => r.derivedId),
        ],
      );
      return [];
    });
    // Real row counts for the planner (a temp table has no statistics until analysed).
    await this.manager.query(`ANALYZE ${STAGE}`);
  }

  async lookUp(): Promise<{ units: OrgUnit[]; takenIds: Set<string> }> {
    const units = (await this.manager.query(
      `WITH named AS (
         SELECT code FROM ${STAGE} UNION SELECT parent_code FROM ${STAGE} WHERE parent_code IS NOT NULL
       ), found AS (
         SELECT u.* FROM org_unit u WHERE u.code IN (SELECT code::bpchar FROM named) FOR UPDATE OF u
       )
       SELECT ${UNIT_COLUMNS("f")} FROM found f
       UNION ALL
       SELECT ${UNIT_COLUMNS("p")} FROM org_unit p
        WHERE p.id IN (SELECT parent_id FROM found) AND p.id NOT IN (SELECT id FROM found)`,
    )) as OrgUnit[];
    const taken = (await this.manager.query(
      `SELECT s.derived_id AS id FROM ${STAGE} s JOIN org_unit u ON u.id = s.derived_id`,
    )) as { id: string }[];
    return { units, takenIds: new Set(taken.map((t) => t.id)) };
  }

  insert(units: readonly NewOrgUnit[], chunk: number): Promise<OrgUnit[]> {
    return inChunks(units, chunk, (part) =>
      this.manager.query(
        `INSERT INTO org_unit AS u (id, code, name, kind, parent_id, path, depth, post_established,
           post_established_on, is_sample, version, active)
         SELECT id, code, name, kind, parent_id, path, depth, post_established, post_established_on,
                is_sample, 1, true
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[],
                       $7::smallint[], $8::boolean[], $9::date[], $10::boolean[]) WITH ORDINALITY
                AS n(id, code, name, kind, parent_id, path, depth, post_established, post_established_on,
                     is_sample, ord)
          ORDER BY ord
         RETURNING ${UNIT_COLUMNS("u")}`,
        [
          part.map((u) => u.id),
          part.map((u) => u.code),
          part.map((u) => u.name),
          part.map((u) => u.kind),
          part.map((u) => u.parentId),
          part.map((u) => u.path),
          part.map((u) => u.depth),
          part.map((u) => u.postEstablished),
          part.map((u) => u.postEstablishedOn),
          part.map((u) => u.isSample),
        ],
      ),
    ).then((stored) => inOrderOf(units, stored as OrgUnit[]));
  }

  update(changes: readonly BulkUnitChange[], chunk: number): Promise<OrgUnit[]> {
    return inChunks(changes, chunk, async (part) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [rows] = (await this.manager.query(
        `UPDATE org_unit AS u
            SET name = c.name, kind = c.kind, post_established = c.post_established,
                post_established_on = c.post_established_on, version = u.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::date[])
                AS c(id, name, kind, post_established, post_established_on)
          WHERE u.id = c.id
         RETURNING ${UNIT_COLUMNS("u")}`,
        [
          part.map((c) => c.id),
          part.map((c) => c.name),
          part.map((c) => c.kind),
          part.map((c) => c.postEstablished),
          part.map((c) => c.postEstablishedOn),
        ],
      )) as [OrgUnit[], number];
      return rows;
    }).then((stored) => inOrderOf(changes, stored));
  }

  async publish(events: readonly PendingEvent[], chunk: number): Promise<void> {
    await publishEvents(this.manager, events, chunk);
  }

  publishRuleStatuses(results: readonly RuleStatusResult[], chunk: number): Promise<number> {
    return publishRuleStatusesInBulk(this.manager, results, chunk);
  }

  async done(): Promise<void> {
    await this.manager.query(`DROP TABLE IF EXISTS ${STAGE}`);
  }
}

/** RETURNING gives no order: the stored rows in the order of what was sent. */
function inOrderOf(sent: readonly { id: string }[], stored: OrgUnit[]): OrgUnit[] {
  const byId = new Map(stored.map((u) => [u.id, u]));
  return sent.map((s) => {
    const unit = byId.get(s.id);
    if (!unit) throw new Error(`bulk write: unit ${s.id} was not written`);
    return unit;
  });
}
