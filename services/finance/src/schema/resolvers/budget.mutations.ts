import { opt } from "@grassroots/kit";
import { Arg, Ctx, Int, Mutation, Resolver } from "type-graphql";
import { republishRuleStatuses } from "../../domain/commands/republish-rule-statuses";
import { closeFiscalYear } from "../../domain/commands/close-fiscal-year";
import { createBudgetLine } from "../../domain/commands/create-budget-line";
import { recordDisbursement } from "../../domain/commands/record-disbursement";
import { reverseDisbursement } from "../../domain/commands/reverse-disbursement";
import { reviseBudgetLine } from "../../domain/commands/revise-budget-line";
import type { ScheduleInput as DomainSchedule } from "../../domain/budget";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  CloseFiscalYearInput,
  CreateBudgetLineInput,
  RecordDisbursementInput,
  ReverseDisbursementInput,
  ReviseBudgetLineInput,
  type ScheduleInput,
} from "../inputs/budget.inputs";
import { BudgetLineType, DisbursementType, FiscalYearClosureType } from "../types/budget.type";
import { disbursementView, lineView } from "../views";

const schedule = (s: ScheduleInput): DomainSchedule => ({
  kind: s.kind,
  dueDate: opt(s.dueDate),
  instalments: opt(s.instalments),
});

/** Thin: map the input, take the caller's policy, run the command. Each command publishes its events. */
@Resolver()
export class BudgetMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => BudgetLineType, {
    description: "R8 (FINANCE_OFFICER, own level): a budget line with its schedule.",
  })
  async createBudgetLine(@Arg("input") input: CreateBudgetLineInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    const line = await createBudgetLine(uow, await changePolicy(ctx), clock, {
      ...input,
      purposeName: opt(input.purposeName),
      beneficiaryUnitId: opt(input.beneficiaryUnitId),
      schedule: schedule(input.schedule),
      requestId: opt(input.requestId),
    });
    return lineView(line);
  }

  @Mutation(() => BudgetLineType, {
    description: "R8: a new revision of a line's terms and schedule, with a reason.",
  })
  async reviseBudgetLine(@Arg("input") input: ReviseBudgetLineInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    const line = await reviseBudgetLine(uow, await changePolicy(ctx), clock, {
      ...input,
      beneficiaryUnitId: opt(input.beneficiaryUnitId),
      schedule: schedule(input.schedule),
      requestId: opt(input.requestId),
    });
    return lineView(line);
  }

  @Mutation(() => DisbursementType, { description: "R8: a payment against an instalment of a line." })
  async recordDisbursement(@Arg("input") input: RecordDisbursementInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    const d = await recordDisbursement(uow, await changePolicy(ctx), clock, {
      ...input,
      overBudgetApproval: opt(input.overBudgetApproval),
      requestId: opt(input.requestId),
    });
    return disbursementView(d);
  }

  @Mutation(() => DisbursementType, {
    description: "R8: the reversal of a mistaken payment (the payment is kept).",
  })
  async reverseDisbursement(@Arg("input") input: ReverseDisbursementInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    const d = await reverseDisbursement(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
    return disbursementView(d);
  }

  @Mutation(() => FiscalYearClosureType, {
    description: "R8: closes a government's fiscal year once it is over.",
  })
  async closeFiscalYear(@Arg("input") input: CloseFiscalYearInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    return closeFiscalYear(uow, await changePolicy(ctx), clock, input);
  }

  @Mutation(() => Int, {
    description:
      "CITY_ADMIN: republishes every subject's current R8 status (republished: true); returns how many.",
  })
  async republishFinanceRuleStatuses(@Ctx() ctx: GraphQLContext): Promise<number> {
    return republishRuleStatuses(this.deps.services, await changePolicy(ctx));
  }
}
