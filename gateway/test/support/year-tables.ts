import { orgUnitIdForCode } from "@grassroots/kit";
import { queryDatabase as sql, type RunningSuite } from "@grassroots/testing";

// What each owning service's own tables say, for the year's end-to-end file to hold the gateway's
// answers against: one statement each, written from the service's migrations, not its code.

/**
 * training: each banner's staff in post on `day` and those of them with a result (PASSED or FAILED)
 * at a COMPLETED session of the year organised by the city (COMPREHENSIVE) or by their banner (R6).
 */
export const trainingCoverageInTables = (url: string, cityId: string, year: number, day: string) =>
  sql<{ id: string; staff: number; attended: number }>(
    url,
    `WITH b AS (SELECT id, path FROM org_unit WHERE parent_id = $1),
          staff AS (SELECT DISTINCT b.id AS banner, a.statistician_id FROM b
                      JOIN statistician_assignment a ON a.org_unit_path LIKE b.path || '%'
                     WHERE a.start_date <= $3::date AND (a.end_date IS NULL OR a.end_date >= $3::date)),
          attended AS (SELECT DISTINCT s.banner, s.statistician_id FROM staff s
                      JOIN training_enrollment e ON e.statistician_id = s.statistician_id AND e.result IN ('PASSED', 'FAILED')
                      JOIN training_session t ON t.id = e.session_id AND t.status = 'COMPLETED'
                       AND extract(year FROM t.end_date) = $2
                       AND ((t.organizer_unit_id = $1 AND t.kind = 'COMPREHENSIVE') OR t.organizer_unit_id = s.banner))
     SELECT b.id::text, (SELECT count(*)::int FROM staff WHERE banner = b.id) AS staff,
            (SELECT count(*)::int FROM attended WHERE banner = b.id) AS attended FROM b ORDER BY b.id`,
    [cityId, year, day],
  );

/** finance: what was paid on each line (fen), and what of it by its instalment's due date (R8). */
export const paidPerLine = (url: string) =>
  sql<{ line_id: string; paid: string; on_time: string }>(
    url,
    `SELECT d.line_id::text, sum(d.amount_fen)::text AS paid,
            sum(d.amount_fen) FILTER (WHERE d.paid_on <= i.due_date)::text AS on_time
       FROM disbursement d JOIN budget_line l ON l.id = d.line_id
       JOIN budget_instalment i ON i.line_id = l.id AND i.revision = l.current_revision AND i.seq = d.instalment_seq
      WHERE d.kind = 'PAYMENT' GROUP BY d.line_id`,
  );

/** finance: a round's allocations plus its remainder (fen), and how many banners it allocates to (R9). */
export const roundTotal = async (url: string, roundId: string) =>
  (
    await sql<{ total: string; n: number }>(
      url,
      `SELECT (SELECT sum(a.amount_fen) FROM round_allocation a WHERE a.round_id = r.id AND a.computation = r.computation) + r.remainder_fen AS total,
              (SELECT count(*)::int FROM round_allocation a WHERE a.round_id = r.id AND a.computation = r.computation) AS n
         FROM allocation_round r WHERE r.id = $1`,
      [roundId],
    )
  )[0];

/** finance: what the round's payments took from its line (fen) and how many there were (R9). */
export const roundPaid = async (url: string, roundId: string, lineId: string) =>
  (
    await sql<{ total: string; n: number }>(
      url,
      `SELECT sum(d.amount_fen)::text AS total, count(*)::int AS n FROM disbursement d
         JOIN round_payment p ON p.disbursement_id = d.id WHERE p.round_id = $1 AND d.line_id = $2`,
      [roundId, lineId],
    )
  )[0];

/**
 * evaluation: a share metric of R12 for each subject from its projection of the rule statuses in the
 * subject's subtree (the year's and those without a period): MET over MET + NOT_MET + UNKNOWN, in
 * hundredths of a percent rounded half up, 0 with nothing applicable.
 */
export async function shareMetrics(
  url: string,
  subjects: { id: string; path: string }[],
  rules: string[],
  year: number,
): Promise<(subject: string, rule: string) => number> {
  const counts = await sql<{ subject: string; rule: string; status: string; n: number }>(
    url,
    `SELECT s.id::text AS subject, r.rule, r.status, count(*)::int AS n
       FROM unnest($1::uuid[], $2::text[]) AS s(id, path)
       JOIN rule_status r ON r.subject_unit_path LIKE s.path || '%'
      WHERE r.rule = ANY($3) AND r.period_key IN ('-', $4)
      GROUP BY s.id, r.rule, r.status`,
    [subjects.map((s) => s.id), subjects.map((s) => s.path), rules, String(year)],
  );
  return (subject, rule) => {
    const n = (status: string) =>
      counts.find((c) => c.subject === subject && c.rule === rule && c.status === status)?.n ?? 0;
    const applicable = n("MET") + n("NOT_MET") + n("UNKNOWN");
    return applicable === 0 ? 0 : Math.floor((2 * n("MET") * 10_000 + applicable) / (2 * applicable));
  };
}

/** Which service owns (computes and publishes) each rule. */
const OWNER: Record<string, string> = {
  R1: "organization",
  R2: "organization",
  R3: "personnel",
  R4: "personnel",
  R5: "personnel",
  R6: "training",
  R7: "personnel",
  R8: "finance",
  R11: "evaluation",
  R13: "evaluation",
};

export interface ScorecardCard {
  unitCode: string;
  rules: { rule: string; period: string | null; status: string }[];
}

/**
 * Every scorecard line whose status is not what the owning service last published for that subject,
 * rule and period (its ledger, `rule_status_published`); empty when all agree.
 */
export async function linesDisagreeingWithOwners(
  suite: RunningSuite,
  cards: ScorecardCard[],
  year: number,
): Promise<string[]> {
  const subjectIds = cards.map((c) => orgUnitIdForCode(c.unitCode));
  const disagreeing: string[] = [];
  for (const svc of new Set(Object.values(OWNER))) {
    const published = await sql<{ subject: string; rule: string; period: string; status: string }>(
      suite.databases[svc].url,
      `SELECT subject_unit_id::text AS subject, rule, period, status FROM rule_status_published
        WHERE subject_unit_id = ANY($1::uuid[]) AND period IN ('', $2)`,
      [subjectIds, String(year)],
    );
    for (const card of cards)
      for (const line of card.rules.filter((l) => OWNER[l.rule.split(".")[0]] === svc)) {
        const own = published.find(
          (p) =>
            p.subject === orgUnitIdForCode(card.unitCode) &&
            p.rule === line.rule &&
            p.period === (line.period ?? ""),
        );
        if (own?.status !== line.status)
          disagreeing.push(
            `${card.unitCode} ${line.rule}: ${line.status} on the card, ${own?.status} in ${svc}`,
          );
      }
  }
  const unowned = cards.flatMap((c) => c.rules.filter((l) => !OWNER[l.rule.split(".")[0]]));
  return [...disagreeing, ...unowned.map((l) => `${l.rule}: no owner known`)];
}
