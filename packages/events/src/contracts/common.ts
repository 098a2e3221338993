import { z } from "zod";

// Value shapes several services' contracts share.

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

/** Materialised path of an org unit: ancestor ids and own id, each followed by "/". */
export const orgPath = z.string().min(1);
