import { badInput, conflict } from "@grassroots/kit/errors";
import { parseResidentId } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { StatisticianRegistered } from "@grassroots/events/contracts";
import { statisticianState } from "../../events/statistician-events";
import type { PersonnelPolicy } from "../access-policy";
import { idempotent } from "@grassroots/kit/idempotency";
import { describeUnit } from "@grassroots/org-projection/units";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import { PROFESSIONAL_TITLES, type Gender, type ProfessionalTitle, type Statistician } from "../statistician";
import { checkPhone, checkText, optionalText } from "../values";
import { unitInArea } from "./common";

export interface RegisterStatisticianInput {
  requestId: string;
  /** The unit registering the person (in the caller's area). */
  orgUnitId: string;
  name: string;
  /** Optional: read from the ID number (17th digit odd = male); refused when it disagrees. */
  gender?: Gender;
  ethnicity?: string | null;
  idNumber: string;
  phone?: string | null;
  education?: string | null;
  title?: ProfessionalTitle | null;
  notes?: string | null;
  isSample?: boolean;
}

/** The CONFLICT for an ID number registered outside the caller's area: it says nothing of where. */
export const ID_NUMBER_OUTSIDE_AREA =
  "This resident ID number is already registered, outside your area (ID numbers are unique city-wide): if it is this person's, ask your banner bureau to transfer their record to your unit.";

/** A gender given beside the ID number must be the one its 17th digit says (BAD_USER_INPUT otherwise). */
export function checkGenderAgrees(given: Gender | undefined, fromId: Gender, field = "gender"): void {
  if (given === undefined || given === fromId) return;
  throw badInput(
    `${field} ${given} disagrees with the resident ID number, whose 17th digit is ${fromId === "MALE" ? "odd (male)" : "even (female)"}; check both.`,
    field,
  );
}

export function registerStatistician(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  input: RegisterStatisticianInput,
) {
  return uow.run((tx) => registerStatisticianIn(tx, policy, clock, input));
}

/**
 * Registers a person. Refused in the one order: a writer's role (FORBIDDEN), a unit in the caller's area
 * (NOT_FOUND, as for a unit that does not exist), then the input. The resident ID number is verified
 * (length, birth date, GB 11643 check character) and must be unique city-wide: a number already
 * registered is a CONFLICT that names the existing record only when the caller may see it, and otherwise
 * says nothing of where it is (no unit, banner or name). Publishes StatisticianRegistered, which carries
 * neither the ID number nor the phone.
 */
export async function registerStatisticianIn(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  input: RegisterStatisticianInput,
): Promise<Statistician> {
  const { requestId, ...rest } = input;
  policy.requireWriter("register statisticians");
  const unit = await unitInArea(tx, policy, input.orgUnitId);
  const name = checkText(input.name, "name", 50);
  const resident = parseResidentId(input.idNumber, clock.today());
  checkGenderAgrees(input.gender, resident.gender);
  if (input.title != null && !PROFESSIONAL_TITLES.includes(input.title)) {
    throw badInput(`title must be one of ${PROFESSIONAL_TITLES.join(", ")}.`, "title");
  }
  const values = {
    name,
    ethnicity: optionalText(input.ethnicity, "ethnicity", 20) ?? null,
    phone: checkPhone(input.phone) ?? null,
    education: optionalText(input.education, "education", 50) ?? null,
    title: input.title ?? null,
    notes: optionalText(input.notes, "notes", 1000) ?? null,
  };

  return idempotent(
    tx.idempotency,
    {
      requestId,
      operation: "registerStatistician",
      actorId: policy.actorId,
      input: { ...rest, idNumber: resident.number },
    },
    async () => {
      if (!unit.active)
        throw badInput(
          `${describeUnit(unit)} was deactivated; register people at an active unit.`,
          "orgUnitId",
        );
      const holder = await tx.statisticians.idNumberHolder(resident.number);
      if (holder) {
        const visible = await tx.statisticians.visibleFrom(holder.id, policy.scope);
        throw conflict(
          visible
            ? `This resident ID number is already registered: statistician ${holder.name} (${holder.id}). Appoint that record instead of registering the person again.`
            : ID_NUMBER_OUTSIDE_AREA,
          { field: "idNumber", ...(visible ? { statisticianId: holder.id } : {}) },
        );
      }
      const statistician = await tx.statisticians.insert({
        id: randomUUID(),
        ...values,
        gender: resident.gender,
        idNumber: resident.number,
        birthDate: resident.birthDate,
        registeredAtId: unit.id,
        isSample: input.isSample ?? false,
        createdBy: policy.actorId,
        createdByName: policy.actorName,
      });
      await tx.publish(StatisticianRegistered, statisticianState(statistician));
      return { result: statistician, resultId: statistician.id };
    },
    async (id) => (await tx.statisticians.get(id))!,
  );
}
