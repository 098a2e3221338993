import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import type { EntityManager } from "typeorm";
import type { OrgUnitRef } from "../../domain/directory";
import type { RuleSubjectStore } from "../../domain/rule-status/ports";
import { R6_ATTENDED } from "../../rules/r6-yearly-training";

/** R6's subjects inside a transaction: each method is ONE SQL statement. */
export class TypeOrmRuleSubjectStore implements RuleSubjectStore {
  constructor(private readonly manager: EntityManager) {}

  cities(): Promise<OrgUnitRef[]> {
    return this.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.kind = 'CITY' AND u.active")
      .orderBy("u.code")
      .getMany();
  }

  async firstCompletedYear(): Promise<number | undefined> {
    const [row] = (await this.manager.query(
      `SELECT min(extract(year FROM end_date))::int AS year FROM training_session WHERE status = $1`,
      [R6_ATTENDED.sessionStatus],
    )) as { year: number | null }[];
    return row?.year ?? undefined;
  }
}
