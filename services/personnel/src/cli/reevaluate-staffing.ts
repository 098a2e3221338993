import { settingsOf } from "../config";
import { createServices } from "../db/services";
import { reevaluateStaffing } from "../domain/staffing";
import { runTool } from "./run-tool";

// pnpm reevaluate-staffing: after a change of the STAFFING_* thresholds, re-evaluates every unit and
// publishes StaffingComplianceChanged for each unit whose compliance flipped (changes happen otherwise
// only when a post, a register count or a unit changes).
runTool("reevaluate-staffing", async (dataSource, logger, config) => {
  const services = createServices(dataSource, settingsOf(config));
  const units = await services.units.projectedUnits();
  await services.uow.run((tx) =>
    reevaluateStaffing(
      tx,
      units.map((u) => u.id),
      services.settings.thresholds,
    ),
  );
  logger.info({ units: units.length }, "staffing re-evaluated");
});
