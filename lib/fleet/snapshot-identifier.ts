import { z } from "zod";

/**
 * A DB snapshot identifier as RDS accepts one for a manual snapshot: 1–255
 * letters, digits or hyphens, starting with a letter, no trailing or doubled
 * hyphen; stored lowercase. Automated snapshots are named `rds:<instance>-<time>`
 * by RDS, so reading or restoring one accepts that form too.
 */
const rules = (schema: z.ZodString) =>
  schema
    .trim()
    .min(1, "expected a DB snapshot identifier")
    .max(255, "a DB snapshot identifier has at most 255 characters");

export const newSnapshotIdentifier = rules(z.string({ error: "expected a DB snapshot identifier" }))
  .regex(
    /^[A-Za-z][A-Za-z0-9-]*$/,
    "a DB snapshot identifier has letters, digits and hyphens, and starts with a letter",
  )
  .refine((s) => !s.endsWith("-") && !s.includes("--"), "a DB snapshot identifier has no trailing or doubled hyphen")
  .transform((s) => s.toLowerCase());

export const snapshotIdentifier = rules(z.string({ error: "expected a DB snapshot identifier" }))
  .regex(
    /^(rds:)?[A-Za-z][A-Za-z0-9-]*$/,
    "a DB snapshot identifier has letters, digits and hyphens (automated ones start with rds:)",
  )
  .transform((s) => s.toLowerCase());
