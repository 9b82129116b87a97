/** The 409 for an email another user already has (the unique index on lower(email) said so). */
import "server-only";
import { isUniqueViolation } from "../db/driver-error";
import { EMAIL_UNIQUE_INDEX } from "../db/schema";
import { Conflict } from "../errors";

export function emailTaken(error: unknown): Conflict | undefined {
  if (!isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) return undefined;
  return emailTakenConflict();
}

/** The 409 itself, for a create whose row the database skipped (ON CONFLICT DO NOTHING). */
export function emailTakenConflict(): Conflict {
  return new Conflict("A user with this email already exists.", {
    code: "email_taken",
    details: [{ field: "email", message: "is already used by another user (emails are compared case-insensitively)" }],
  });
}
