import { runTool } from "@grassroots/kit";
import { cliConfigSchema } from "../config";
import { createFinanceDataSource } from "../db/data-source";
import { createServices } from "../db/services";
import { systemPolicy } from "../domain/access-policy";
import { republishRuleStatuses } from "../domain/commands/republish-rule-statuses";

// pnpm republish-rule-statuses: judges every subject's R8 result as of today (filling the ledger), then
// publishes every current R8 result again with republished: true (through the outbox: the running
// service's relay sends them).
runTool(
  "republish-rule-statuses",
  {
    service: "finance",
    configSchema: cliConfigSchema,
    createDataSource: (config) => createFinanceDataSource(config.DATABASE_URL, 2),
  },
  async (dataSource, logger) => {
    const count = await republishRuleStatuses(
      createServices(dataSource),
      systemPolicy("republish-rule-statuses"),
    );
    logger.info({ count }, "rule statuses republished");
    process.stdout.write(`rule statuses republished: ${count}\n`);
  },
);
