import { residentIdCheckCharacter } from "@grassroots/kit/validation";

/**
 * The n-th invented but well-formed resident ID number of a region (GB 11643 check character): the
 * birth date walks day by day from 1970-01-01 and the sequence number moves every 10,000 days, so
 * numbers stay distinct for n below ten million. For tests that register people through the API.
 */
export function testIdNumber(region: string, n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (n % 10000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, "");
  const first17 = `${region.slice(0, 6)}${birth}${String(Math.floor(n / 10000) % 1000).padStart(3, "0")}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}
