import { z } from "zod";

/**
 * RDS's identifier rules (API Reference, e.g. CreateDBSnapshot): letters,
 * digits and hyphens; first a letter; no trailing hyphen and no two
 * consecutive hyphens. RDS stores identifiers in lowercase.
 */
const RULE =
  "must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens";

function identifier(name: string, max: number) {
  return z
    .string()
    .min(1)
    .max(max, `The parameter ${name} is not a valid identifier. Identifiers must be 1 to ${max} characters long.`)
    .refine(
      (s) => /^[A-Za-z][A-Za-z0-9-]*$/.test(s) && !s.endsWith("-") && !s.includes("--"),
      `The parameter ${name} is not a valid identifier. Identifiers ${RULE}.`,
    )
    .transform((s) => s.toLowerCase());
}

export const dbInstanceIdentifier = identifier("DBInstanceIdentifier", 63);
export const dbSnapshotIdentifier = identifier("DBSnapshotIdentifier", 255);
export const finalDBSnapshotIdentifier = identifier("FinalDBSnapshotIdentifier", 255);

/** An identifier to look up (which may be an automated snapshot's "rds:…"), compared in lowercase. */
export const lookupIdentifier = z
  .string()
  .min(1)
  .transform((s) => s.toLowerCase());

/** A DB instance class as RDS names them ("db.r6g.large"). */
export const dbInstanceClass = z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "not a DB instance class");

/** RDS for PostgreSQL accepts ports 1150–65535. */
export const dbPort = z.number().int().min(1150).max(65535);
