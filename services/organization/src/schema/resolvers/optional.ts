/** GraphQL lets clients send null for optional fields; the domain reads "absent" as undefined. */
export const opt = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
