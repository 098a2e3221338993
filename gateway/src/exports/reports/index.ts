import type { ExportReport } from "../report";
import { awardAllocationReport } from "./award-allocation";
import { budgetExecutionReport } from "./budget-execution";
import { postCoverageReport } from "./post-coverage";
import { rankingReport } from "./ranking";
import { rosterReport } from "./roster";
import { scorecardReport } from "./scorecard";
import { staffingGapsReport } from "./staffing-gaps";
import { standardizationReport } from "./standardization";
import { trainingCoverageReport } from "./training-coverage";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const all: ExportReport<any>[] = [
  rosterReport,
  budgetExecutionReport,
  scorecardReport,
  rankingReport,
  staffingGapsReport,
  postCoverageReport,
  standardizationReport,
  trainingCoverageReport,
  awardAllocationReport,
];

/** The exports by name: GET /exports/<name>.xlsx. */
export const exportReports: ReadonlyMap<string, ExportReport<unknown>> = new Map(all.map((r) => [r.name, r]));
