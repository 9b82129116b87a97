"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { newInstanceHref } from "@/components/instance-href";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import { validatedAction } from "@/lib/actions/validated-action";
import {
  addTagForm,
  createReplicaForm,
  deleteInstanceForm,
  failoverForm,
  promoteForm,
  rebootForm,
  removeTagForm,
  restoreToTimeForm,
  startForm,
  stopForm,
} from "@/lib/fleet/action-forms";
import { instanceArn } from "@/lib/fleet/instance-arn";
import { createReadReplica, deleteInstance, promoteReplica } from "@/lib/fleet/instance-lifecycle";
import { modifyInstanceForm } from "@/lib/fleet/modify-form";
import { modifyInstance } from "@/lib/fleet/modify-instance";
import { restoreToPointInTime } from "@/lib/fleet/point-in-time-restore";
import { rebootInstance } from "@/lib/fleet/reboot-instance";
import { addTags, removeTags } from "@/lib/fleet/resource-tags";
import { trySiblingAlarms } from "@/lib/fleet/sibling-alarms";
import { startInstance } from "@/lib/fleet/start-instance";
import { stopInstance } from "@/lib/fleet/stop-instance";

/** The receipt the page follows the action by; `refresh()` re-renders it with the new status in the same response. */
function receipt(identifier: string, status: string, requestedAt: string): ActionReceipt {
  refresh();
  return { identifier, status, requestedAt, answeredAt: new Date().toISOString() };
}

const onInstance = (input: { identifier: string }) => input.identifier;

export const rebootAction = validatedAction(
  { action: "reboot", schema: rebootForm, target: onInstance },
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await rebootInstance({ identifier });
    return receipt(identifier, instance.status, requestedAt);
  },
);

export const rebootWithFailoverAction = validatedAction(
  {
    action: "reboot-with-failover",
    schema: failoverForm,
    target: onInstance,
  },
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await rebootInstance({ identifier, forceFailover: true });
    return receipt(identifier, instance.status, requestedAt);
  },
);

export const stopAction = validatedAction(
  { action: "stop-db-instance", schema: stopForm, target: onInstance },
  async ({ identifier, snapshot }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await stopInstance({ identifier, snapshot });
    return receipt(identifier, instance.status, requestedAt);
  },
);

export const startAction = validatedAction(
  { action: "start-db-instance", schema: startForm, target: onInstance },
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await startInstance({ identifier });
    return receipt(identifier, instance.status, requestedAt);
  },
);

/**
 * ModifyDBInstance from the Modify dialog: class, storage, Multi-AZ and backups switched on or off apply now or
 * in the maintenance window, as the form says; the rest at once (RDS's rules). The page shows what waits.
 */
export const modifyAction = validatedAction(
  { action: "modify-db-instance", schema: modifyInstanceForm, target: onInstance },
  async ({ identifier, applyImmediately, ...change }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await modifyInstance({
      identifier,
      change: {
        instanceClass: change.instanceClass,
        allocatedGiB: change.allocatedStorage,
        maxAllocatedGiB: change.maxAllocatedStorage,
        storageType: change.storageType,
        multiAz: change.multiAz,
        backupRetentionDays: change.backupRetentionPeriod,
        backupWindow: change.backupWindow,
        maintenanceWindow: change.maintenanceWindow,
        deletionProtection: change.deletionProtection,
        copyTagsToSnapshot: change.copyTagsToSnapshot,
        applyImmediately: applyImmediately === "on",
      },
    });
    return receipt(identifier, instance.status, requestedAt);
  },
);

/**
 * The new replica has a page of its own from the start: the reader follows its creation there. It gets the
 * alarms its siblings have (lib/fleet/sibling-alarms.ts).
 */
export const createReplicaAction = validatedAction(
  {
    action: "create-read-replica",
    schema: createReplicaForm,
    target: onInstance,
  },
  async ({ identifier, replica }): Promise<ActionReceipt> => {
    await createReadReplica({ source: identifier, identifier: replica });
    const alarmsCreated = await trySiblingAlarms({ instance: replica, replica: true });
    redirect(newInstanceHref(replica, { alarmsCreated }));
  },
);

/** The restored instance, like a new replica, is followed on its own page from the start, with its siblings' alarms. */
export const restoreToTimeAction = validatedAction(
  {
    action: "restore-db-instance-to-point-in-time",
    schema: restoreToTimeForm,
    target: onInstance,
  },
  async ({ identifier, target, restoreTime }): Promise<ActionReceipt> => {
    await restoreToPointInTime({ source: { instance: identifier }, target, restoreTime });
    const alarmsCreated = await trySiblingAlarms({ instance: target, replica: false });
    redirect(newInstanceHref(target, { alarmsCreated }));
  },
);

export const promoteAction = validatedAction(
  { action: "promote-read-replica", schema: promoteForm, target: onInstance },
  async ({ identifier }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    const instance = await promoteReplica({ identifier });
    return receipt(identifier, instance.status, requestedAt);
  },
);

/** Deleting destroys more than any operator action does: it is the admin's (lib/auth/action-roles.ts). */
export const deleteAction = validatedAction(
  { action: "delete-db-instance", schema: deleteInstanceForm, target: onInstance },
  async ({ identifier, skipFinalSnapshot, finalSnapshot, retainAutomatedBackups }): Promise<ActionReceipt> => {
    const final = skipFinalSnapshot === "on" ? undefined : finalSnapshot;
    await deleteInstance({ identifier, finalSnapshot: final, retainAutomatedBackups: retainAutomatedBackups === "on" });
    // The instance page goes away with the instance: the overview says what is happening.
    redirect(`/?deleting=${encodeURIComponent(identifier)}`);
  },
);

/** A tag on the instance (a key it has gets the new value), through AddTagsToResource; the page re-renders with it. */
export const addTagAction = validatedAction(
  { action: "add-tags-to-resource", schema: addTagForm, target: onInstance },
  async ({ identifier, key, value }): Promise<string> => {
    await addTags({ resource: await instanceArn({ identifier }), tags: [{ key, value }] });
    refresh();
    return `Tag ${key} set on ${identifier}.`;
  },
);

export const removeTagAction = validatedAction(
  { action: "remove-tags-from-resource", schema: removeTagForm, target: onInstance },
  async ({ identifier, key }): Promise<string> => {
    await removeTags({ resource: await instanceArn({ identifier }), keys: [key] });
    refresh();
    return `Tag ${key} removed from ${identifier}.`;
  },
);
