import { assertVersion, badInput } from "@grassroots/kit/errors";
import { StatisticianUpdated } from "@grassroots/events/contracts";
import { statisticianState } from "../../events/statistician-events";
import type { PersonnelPolicy } from "../access-policy";
import { idempotent } from "@grassroots/kit/idempotency";
import type { Transaction, UnitOfWork } from "../ports";
import {
  PROFESSIONAL_TITLES,
  type ProfessionalTitle,
  type Statistician,
  type StatisticianPatch,
} from "../statistician";
import { checkPhone, checkText, optionalText } from "../values";
import { lockStatisticianInReach } from "./common";

export interface UpdateStatisticianInput {
  requestId: string;
  id: string;
  expectedVersion: number;
  name?: string;
  ethnicity?: string | null;
  phone?: string | null;
  education?: string | null;
  title?: ProfessionalTitle | null;
  notes?: string | null;
}

export function updateStatistician(uow: UnitOfWork, policy: PersonnelPolicy, input: UpdateStatisticianInput) {
  return uow.run((tx) => updateStatisticianIn(tx, policy, input));
}

/**
 * Changes a person's details (role, then the person in the caller's area, then the input; not the ID number, which identifies them: a wrong one is corrected by
 * the bureau with a new registration). Omitted fields stay; null clears. Version-checked.
 */
export async function updateStatisticianIn(
  tx: Transaction,
  policy: PersonnelPolicy,
  input: UpdateStatisticianInput,
): Promise<Statistician> {
  const { requestId, ...rest } = input;
  policy.requireWriter("change statisticians' details");
  // A writer who may see the person (registered or posted in their area) may correct their details.
  const person = await lockStatisticianInReach(tx, policy, input.id);
  const patch: StatisticianPatch = {};
  if (input.name !== undefined) patch.name = checkText(input.name, "name", 50);
  if (input.ethnicity !== undefined) patch.ethnicity = optionalText(input.ethnicity, "ethnicity", 20) ?? null;
  if (input.phone !== undefined) patch.phone = checkPhone(input.phone) ?? null;
  if (input.education !== undefined) patch.education = optionalText(input.education, "education", 50) ?? null;
  if (input.notes !== undefined) patch.notes = optionalText(input.notes, "notes", 1000) ?? null;
  if (input.title !== undefined) {
    if (input.title !== null && !PROFESSIONAL_TITLES.includes(input.title)) {
      throw badInput(`title must be one of ${PROFESSIONAL_TITLES.join(", ")}.`, "title");
    }
    patch.title = input.title;
  }
  return idempotent(
    tx.idempotency,
    { requestId, operation: "updateStatistician", actorId: policy.actorId, input: rest },
    async () => {
      assertVersion(`Statistician ${person.name}`, person.version, input.expectedVersion);
      const changed = (Object.keys(patch) as (keyof StatisticianPatch)[]).filter(
        (k) => patch[k] !== person[k],
      );
      if (changed.length === 0) return { result: person, resultId: person.id };
      const updated = await tx.statisticians.update(
        person.id,
        Object.fromEntries(changed.map((k) => [k, patch[k]])),
      );
      // The event names changed fields; the phone's new value never goes into it.
      await tx.publish(StatisticianUpdated, { ...statisticianState(updated), changed });
      return { result: updated, resultId: updated.id };
    },
    async (id) => (await tx.statisticians.get(id))!,
  );
}
