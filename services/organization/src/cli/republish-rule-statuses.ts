import { systemPolicy } from "../domain/access-policy";
import { republishRuleStatuses } from "../domain/commands/republish-rule-statuses";
import { createServices } from "../db/services";
import { runTool } from "./run-tool";

// pnpm republish-rule-statuses: computes every subject's R1 and R2 result (filling the ledger of a
// database that predates it) and publishes them all again with republished: true.
runTool("republish-rule-statuses", async (dataSource, logger) => {
  const count = await republishRuleStatuses(
    createServices(dataSource).uow,
    systemPolicy("republish-rule-statuses"),
  );
  logger.info({ count }, "rule statuses republished");
  process.stdout.write(`rule statuses republished: ${count}\n`);
});
