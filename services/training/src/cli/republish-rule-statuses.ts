import { runTool } from "@grassroots/kit";
import { cliConfigSchema, ruleStatusSettingsOf } from "../config";
import { createTrainingDataSource } from "../db/data-source";
import { createServices } from "../db/services";
import { systemPolicy } from "../domain/access-policy";
import { republishRuleStatuses } from "../domain/commands/republish-rule-statuses";

// pnpm republish-rule-statuses: computes every city's and banner's R6 result for every year since the
// first completed session (filling the ledger of a database that predates it) and publishes them all
// again with republished: true.
runTool<typeof cliConfigSchema>(
  "republish-rule-statuses",
  {
    service: "training",
    configSchema: cliConfigSchema,
    createDataSource: (c) => createTrainingDataSource(c.DATABASE_URL, 2),
  },
  async (dataSource, logger, config) => {
    const settings = ruleStatusSettingsOf(config);
    const { uow, clock } = createServices(dataSource, { ruleStatus: settings });
    const count = await republishRuleStatuses(uow, systemPolicy("republish-rule-statuses"), clock, settings);
    logger.info({ count }, "rule statuses republished");
    process.stdout.write(`rule statuses republished: ${count}\n`);
  },
);
