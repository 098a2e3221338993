import type { EntityManager } from "typeorm";
import type { RuleId, RuleStatusLedger, RuleStatusResult } from "../contracts/rule-status";
import { publishRuleStatusesIfChanged, publishRuleStatusIfChanged, republishRuleStatuses } from "./ledger";

/**
 * The ledger over one transaction's EntityManager, as a service's `tx.ruleStatus` (its domain port
 * names the two methods; the domain never sees TypeORM).
 */
export class TypeOrmRuleStatusLedger implements RuleStatusLedger {
  constructor(private readonly manager: EntityManager) {}

  /** Publishes the result only when it differs from the last one published; returns whether it did. */
  publishIfChanged(result: RuleStatusResult): Promise<boolean> {
    return publishRuleStatusIfChanged(this.manager, result);
  }

  /** The same for many results, reading their ledger rows in one statement; returns how many it published. */
  publishAllIfChanged(results: readonly RuleStatusResult[]): Promise<number> {
    return publishRuleStatusesIfChanged(this.manager, results);
  }

  /** Publishes every stored current result (of these rules, or all) again; returns the count. */
  republish(rules?: readonly RuleId[]): Promise<number> {
    return republishRuleStatuses(this.manager, rules);
  }
}
