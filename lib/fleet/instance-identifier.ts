import { z } from "zod";

/**
 * A DB instance identifier as RDS accepts it: 1–63 letters, digits or
 * hyphens, starting with a letter, no trailing or doubled hyphen. RDS stores
 * identifiers in lowercase and matches them case-insensitively, so do we.
 */
export const instanceIdentifier = z
  .string({ error: "expected a DB instance identifier" })
  .trim()
  .min(1, "expected a DB instance identifier")
  .max(63, "a DB instance identifier has at most 63 characters")
  .regex(
    /^[A-Za-z][A-Za-z0-9-]*$/,
    "a DB instance identifier has letters, digits and hyphens, and starts with a letter",
  )
  .refine((s) => !s.endsWith("-") && !s.includes("--"), "a DB instance identifier has no trailing or doubled hyphen")
  .transform((s) => s.toLowerCase());
