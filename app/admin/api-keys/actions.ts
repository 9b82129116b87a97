"use server";

import { refresh } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { createApiKeyForm, revokeApiKeyForm } from "@/lib/api-keys/api-key-forms";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { requestContext } from "@/lib/auth/current-actor";

const DAY_MS = 86_400_000;

/**
 * The key is in the result, shown once by the page; the audit keeps its name,
 * scope, limit and expiry only. A read-write key asks for the admin's
 * password again: a stolen session alone must not mint one.
 */
export const createApiKeyAction = validatedAction(
  { action: "create-api-key", schema: createApiKeyForm, target: (input) => input.name },
  async (
    { currentPassword, expiresInDays, ...input },
    { actor },
  ): Promise<{ id: number; key: string; name: string }> => {
    if (input.scope === "read-write") {
      await confirmPassword({
        user: actor,
        password: currentPassword ?? "",
        request: await requestContext(),
        purpose: "minting a read-write key",
        field: "currentPassword",
      });
    }
    const expiresAt = expiresInDays === undefined ? undefined : new Date(Date.now() + expiresInDays * DAY_MS);
    const created = await createApiKey({ ...input, createdBy: actor.email, expiresAt });
    refresh();
    return { ...created, name: input.name };
  },
);

export const revokeApiKeyAction = validatedAction(
  { action: "revoke-api-key", schema: revokeApiKeyForm, target: (input) => `api-key ${input.id}` },
  async ({ id }): Promise<string> => {
    const name = await revokeApiKey({ id });
    refresh();
    return `${name} revoked`;
  },
);
