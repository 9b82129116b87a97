import { z } from "zod";
import { currentPassword } from "../auth/current-password";
import { apiKeyScopes } from "./api-key-format";

/** Days until the key stops working; empty: until revoked. */
const expiresInDays = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce
    .number({ error: "expected a number of days, or nothing" })
    .int("expected a whole number of days")
    .min(1, "expected at least 1 day")
    .max(3650, "expected at most 3650 days (ten years)")
    .optional(),
);

export const createApiKeyForm = z
  .object({
    name: z
      .string({ error: "expected a name" })
      .trim()
      .min(1, "expected a name")
      .max(100, "expected at most 100 characters"),
    scope: z.enum(apiKeyScopes, { error: "expected read or read-write" }),
    rateLimitPerSecond: z.coerce
      .number({ error: "expected a number of requests per second" })
      .int("expected a whole number of requests per second")
      .min(1, "expected at least 1 request per second")
      .max(1_000_000, "expected at most 1,000,000 requests per second"),
    expiresInDays,
    currentPassword,
  })
  // A read-write key can change every user of the API: a stolen session alone must not mint one.
  .refine((f) => f.scope !== "read-write" || f.currentPassword !== undefined, {
    path: ["currentPassword"],
    message: "expected your current password: a read-write key needs it",
  });

export const revokeApiKeyForm = z.object({
  id: z.coerce.number({ error: "expected a key id" }).int("expected a key id").positive("expected a key id"),
});
