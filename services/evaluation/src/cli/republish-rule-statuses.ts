import "reflect-metadata";
import { runTool } from "@grassroots/kit";
import { cliConfigSchema } from "../config";
import { createEvaluationDataSource } from "../db/data-source";
import { createServices } from "../db/services";
import { systemPolicy } from "../domain/access-policy";
import { republishRuleStatuses } from "../domain/commands/republish-rule-statuses";

// pnpm republish-rule-statuses: every current R11/R13 result into the outbox again, republished: true
// (the running service's relay sends them).
runTool<typeof cliConfigSchema>(
  "republish-rule-statuses",
  {
    service: "evaluation",
    configSchema: cliConfigSchema,
    createDataSource: (c) => createEvaluationDataSource(c.DATABASE_URL, 1),
  },
  async (dataSource, logger) => {
    const count = await republishRuleStatuses(
      createServices(dataSource).uow,
      systemPolicy("cli:republish-rule-statuses"),
    );
    logger.info({ count }, "rule statuses republished");
  },
);
