"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { instanceHref } from "@/components/instance-href";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import { validatedAction } from "@/lib/actions/validated-action";
import {
  createReplicaForm,
  deleteInstanceForm,
  failoverForm,
  promoteForm,
  rebootForm,
  snapshotForm,
} from "@/lib/fleet/action-forms";
import { createReadReplica, deleteInstance, promoteReplica } from "@/lib/fleet/instance-lifecycle";
import { rebootInstance } from "@/lib/fleet/reboot-instance";
import { createSnapshot } from "@/lib/fleet/snapshot-actions";

/** The receipt the page follows the action by; `refresh()` re-renders it with the new status in the same response. */
function receipt(identifier: string, status: string, requestedAt: string): ActionReceipt {
  refresh();
  return { identifier, status, requestedAt };
}

export const rebootAction = validatedAction("reboot", rebootForm, async ({ identifier }): Promise<ActionReceipt> => {
  const requestedAt = new Date().toISOString();
  const instance = await rebootInstance({ identifier });
  return receipt(identifier, instance.status, requestedAt);
});

export const rebootWithFailoverAction = validatedAction(
  "reboot-with-failover",
  failoverForm,
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await rebootInstance({ identifier, forceFailover: true });
    return receipt(identifier, instance.status, requestedAt);
  },
);

export const snapshotAction = validatedAction(
  "create-snapshot",
  snapshotForm,
  async ({ identifier, snapshot }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    await createSnapshot({ instance: identifier, snapshot });
    // CreateDBSnapshot answers with the snapshot; the instance is backing up meanwhile.
    return receipt(identifier, "backing-up", requestedAt);
  },
);

/** The new replica has a page of its own from the start: the reader follows its creation there. */
export const createReplicaAction = validatedAction(
  "create-read-replica",
  createReplicaForm,
  async ({ identifier, replica }): Promise<ActionReceipt> => {
    await createReadReplica({ source: identifier, identifier: replica });
    redirect(instanceHref(replica));
  },
);

export const promoteAction = validatedAction(
  "promote-read-replica",
  promoteForm,
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await promoteReplica({ identifier });
    return receipt(identifier, instance.status, requestedAt);
  },
);

export const deleteAction = validatedAction(
  "delete-db-instance",
  deleteInstanceForm,
  async ({ identifier, skipFinalSnapshot, finalSnapshot }): Promise<ActionReceipt> => {
    const final = skipFinalSnapshot === "on" ? undefined : finalSnapshot;
    await deleteInstance({ identifier, finalSnapshot: final });
    // The instance page goes away with the instance: the overview says what is happening.
    redirect(`/?deleting=${encodeURIComponent(identifier)}`);
  },
);
