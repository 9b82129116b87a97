"use server";

import { refresh } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { createApiKeyForm, revokeApiKeyForm } from "@/lib/api-keys/api-key-forms";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";

/** The key is in the result, shown once by the page; the audit keeps its name, scope and limit only. */
export const createApiKeyAction = validatedAction(
  { action: "create-api-key", role: "admin", schema: createApiKeyForm, target: (input) => input.name },
  async (input, { actor }): Promise<{ id: number; key: string; name: string }> => {
    const created = await createApiKey({ ...input, createdBy: actor.email });
    refresh();
    return { ...created, name: input.name };
  },
);

export const revokeApiKeyAction = validatedAction(
  { action: "revoke-api-key", role: "admin", schema: revokeApiKeyForm, target: (input) => `api-key ${input.id}` },
  async ({ id }): Promise<string> => {
    const name = await revokeApiKey({ id });
    refresh();
    return `${name} revoked`;
  },
);
