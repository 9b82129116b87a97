"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import { validatedAction } from "@/lib/actions/validated-action";
import { instanceIdentifier } from "@/lib/fleet/instance-identifier";
import { rebootInstance } from "@/lib/fleet/reboot-instance";

const reboot = z.object({ identifier: instanceIdentifier });

export const rebootAction = validatedAction(
  { action: "reboot", role: "operator", schema: reboot, target: (input) => input.identifier },
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await rebootInstance({ identifier });
    // The same response re-renders the page, so it shows `rebooting` without waiting for the next refresh.
    refresh();
    return { identifier, status: instance.status, requestedAt };
  },
);

/**
 * A failover is destructive (connections drop, writes stop for a moment), so
 * the form must carry the identifier typed again. The dialog enforces it too,
 * but a request can be sent without the dialog: this check is the one that counts.
 */
const failover = z
  .object({
    identifier: instanceIdentifier,
    confirmation: z.string({ error: "Type the DB instance identifier to confirm the failover" }),
  })
  .refine((form) => form.confirmation.trim() === form.identifier, {
    path: ["confirmation"],
    message: "The confirmation does not match the DB instance identifier",
  });

export const rebootWithFailoverAction = validatedAction(
  { action: "reboot-with-failover", role: "operator", schema: failover, target: (input) => input.identifier },
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await rebootInstance({ identifier, forceFailover: true });
    refresh();
    return { identifier, status: instance.status, requestedAt };
  },
);
