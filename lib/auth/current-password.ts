import { z } from "zod";

/** The admin's own password, asked again before what a stolen session must not be enough for. */
export const currentPassword = z
  .string({ error: "expected your current password" })
  .max(128, "expected a password of at most 128 characters")
  .optional()
  .transform((v) => (v === "" ? undefined : v));
