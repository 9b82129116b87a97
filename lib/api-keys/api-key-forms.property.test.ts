/** The API key forms, fed what a forged request may post. */
import fc from "fast-check";
import { expect, test } from "vitest";
import type { z } from "zod";
import { expectIssuesNameFields, formFields, numberText, padded } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import { apiKeyScopes } from "./api-key-format";
import { createApiKeyForm, revokeApiKeyForm } from "./api-key-forms";

const forms: Array<[string, z.ZodObject]> = [
  ["create key", createApiKeyForm],
  ["revoke key", revokeApiKeyForm],
];

const fields = formFields({
  name: padded(fc.string({ maxLength: 110 })),
  scope: fc.constantFrom(...apiKeyScopes, "write", "READ"),
  rateLimitPerSecond: fc.oneof(numberText, fc.constantFrom("1000000", "1000001")),
  id: numberText,
});

test("API keys: never throw; refuse naming a field, or yield a bounded rate and a positive id", async () => {
  await checkProperty(
    "form: API keys",
    fc.property(fc.constantFrom(...forms), fields, ([, form], posted) => {
      const parsed = form.safeParse(posted);
      if (!parsed.success) return expectIssuesNameFields(parsed.error, Object.keys(form.shape));
      const data = parsed.data as Record<string, unknown>;
      if ("rateLimitPerSecond" in data) {
        expect(Number.isInteger(data.rateLimitPerSecond)).toBe(true);
        expect(data.rateLimitPerSecond).toBeGreaterThanOrEqual(1);
        expect(data.rateLimitPerSecond).toBeLessThanOrEqual(1_000_000);
      }
      if ("id" in data) expect(Number.isSafeInteger(data.id) && Number(data.id) > 0).toBe(true);
    }),
  );
});
