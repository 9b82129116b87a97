import { z } from "zod";
import { apiKeyScopes } from "./api-key-format";

export const createApiKeyForm = z.object({
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
});

export const revokeApiKeyForm = z.object({
  id: z.coerce.number({ error: "expected a key id" }).int("expected a key id").positive("expected a key id"),
});
