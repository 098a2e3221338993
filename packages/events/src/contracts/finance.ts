// Events of the finance service (R8–R10). Its R8 results go out as FinanceRuleStatusChanged (rule-status.ts).

import type { EventContract } from "./contract";

export const financeEvents: EventContract[] = [];
