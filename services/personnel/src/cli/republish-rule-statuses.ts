import { settingsOf } from "../config";
import { createServices } from "../db/services";
import { systemPolicy } from "../domain/access-policy";
import { republishRuleStatuses } from "../domain/commands/republish-rule-statuses";
import { runTool } from "./run-tool";

// pnpm republish-rule-statuses: computes every staffed unit's R3/R4/R5/R7 result (filling the ledger of a
// database that predates it) and publishes them all again with republished: true.
runTool("republish-rule-statuses", async (dataSource, logger, config) => {
  const { uow, clock, settings } = createServices(dataSource, settingsOf(config));
  const count = await republishRuleStatuses(uow, systemPolicy("republish-rule-statuses"), clock, settings);
  logger.info({ count }, "rule statuses republished");
  process.stdout.write(`rule statuses republished: ${count}\n`);
});
