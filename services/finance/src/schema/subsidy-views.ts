import { capitalNumerals } from "../domain/capital-numerals";
import { formatMoney } from "@grassroots/kit/validation";
import type { StatisticianPayment } from "../domain/ports";
import type { PaymentBatch, SubsidyClaim, SubsidyStandard } from "../domain/subsidy";
import type {
  PaymentBatchType,
  SubsidyClaimType,
  SubsidyPaymentType,
  SubsidyStandardType,
} from "./types/subsidy.type";

/** R10's domain objects as the API shows them (money as yuan strings, vouchers in capital numerals too). */

export const standardView = (s: SubsidyStandard): SubsidyStandardType => ({
  ...s,
  items: s.items.map((i) => ({ ...i, rate: formatMoney(i.rateFen) })),
});

export const claimView = (c: SubsidyClaim): SubsidyClaimType => ({
  ...c,
  computed: formatMoney(c.computedFen),
  approved: c.approvedFen === null ? null : formatMoney(c.approvedFen),
});

export const batchView = (b: PaymentBatch): PaymentBatchType => ({
  ...b,
  total: formatMoney(b.totalFen),
  totalInCapitals: capitalNumerals(b.totalFen),
});

export const paymentView = (p: StatisticianPayment): SubsidyPaymentType => ({
  ...p,
  amount: formatMoney(p.amountFen),
  amountInCapitals: capitalNumerals(p.amountFen),
});
