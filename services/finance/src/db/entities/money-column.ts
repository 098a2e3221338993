import type { ValueTransformer } from "typeorm";

/** BIGINT fen ↔ bigint: the pg driver returns BIGINT as text, and no Number ever holds an amount. */
export const fenColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
