import type { Scope } from "../../domain/ports";

/** The LIKE pattern of a subtree: every path under the scope. */
export const pattern = (scope: Scope) => `${scope}%`;

/** Escapes LIKE wildcards in user text (the default escape character is the backslash). */
export const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A bag of positional parameters for building a query with optional filters. */
export class Params {
  values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Whether the person `s` is visible from a subtree given as a LIKE pattern expression: registered at a
 * unit there, or holding (or having held) a post there.
 */
export const statisticianVisible = (patternSql: string) => `(
    EXISTS (SELECT 1 FROM org_unit ru WHERE ru.id = s.registered_at_id AND ru.path LIKE ${patternSql})
    OR EXISTS (SELECT 1 FROM post_assignment va JOIN org_unit vu ON vu.id = va.org_unit_id
                WHERE va.statistician_id = s.id AND vu.path LIKE ${patternSql}))`;

/** The LIKE pattern of a user's area from their home unit id, looked up inside the same query. */
export const homePattern = (param: string) =>
  `((SELECT h.path FROM org_unit h WHERE h.id = ${param} AND h.active) || '%')`;
