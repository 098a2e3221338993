import { z } from "zod";

// Building blocks for environment schemas: env values are strings, so numbers and booleans are parsed here.

export const envPort = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const envInt = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

export const envBool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { message: 'expected "true" or "false"' })
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");

export const envList = z
  .string()
  .min(1)
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const envUrl = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol.replace(":", ""));
      } catch {
        return false;
      }
    },
    { message: `expected a ${protocols.join(" or ")} URL` },
  );

export const nodeEnv = z.enum(["development", "test", "production"]).default("development");

export const logLevel = z
  .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
  .default("info");
