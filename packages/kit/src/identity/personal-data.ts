/**
 * Masking of personal data (resident ID numbers, phone numbers) for roles that do not need it.
 * Masks keep enough to recognise a record (region and last digits) without revealing the person.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${"*".repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Object keys that never reach a log line or an event. */
export const personalDataKeys = ["idNumber", "phone", "residentIdNumber", "phoneNumber"];
