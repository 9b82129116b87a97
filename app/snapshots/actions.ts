"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { newInstanceHref } from "@/components/instance-href";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import { validatedAction } from "@/lib/actions/validated-action";
import {
  createSnapshotForm,
  deleteAutomatedBackupForm,
  deleteSnapshotForm,
  restoreBackupToTimeForm,
  restoreSnapshotForm,
} from "@/lib/fleet/action-forms";
import { deleteAutomatedBackup } from "@/lib/fleet/delete-automated-backup";
import { restoreToPointInTime } from "@/lib/fleet/point-in-time-restore";
import { trySiblingAlarms } from "@/lib/fleet/sibling-alarms";
import { createSnapshot, deleteSnapshot, restoreFromSnapshot } from "@/lib/fleet/snapshot-actions";

/**
 * CreateDBSnapshot, from an instance's page (which follows the instance, backing up meanwhile) and from the
 * snapshots page (which says so in words).
 */
export const createSnapshotAction = validatedAction(
  { action: "create-snapshot", schema: createSnapshotForm, target: (form) => form.identifier },
  async ({ identifier, snapshot }): Promise<ActionReceipt> => {
    const requestedAt = new Date().toISOString();
    await createSnapshot({ instance: identifier, snapshot });
    refresh();
    return {
      identifier,
      // CreateDBSnapshot answers with the snapshot; the instance is backing up meanwhile.
      status: "backing-up",
      requestedAt,
      answeredAt: new Date().toISOString(),
      message: `Snapshot ${snapshot} of ${identifier} is being created.`,
    };
  },
);

/**
 * The restored instance has a page of its own from the start: the reader follows its creation there. It gets
 * the free-storage alarm every instance has (lib/fleet/sibling-alarms.ts).
 */
export const restoreSnapshotAction = validatedAction(
  {
    action: "restore-db-instance-from-snapshot",
    schema: restoreSnapshotForm,
    target: (form) => form.snapshot,
  },
  async ({ snapshot, instance }): Promise<string> => {
    await restoreFromSnapshot({ snapshot, instance });
    const alarmsCreated = await trySiblingAlarms({ instance, replica: false });
    redirect(newInstanceHref(instance, { alarmsCreated }));
  },
);

/** A deleted snapshot can never be restored: like deleting an instance, the admin's. */
export const deleteSnapshotAction = validatedAction(
  { action: "delete-snapshot", schema: deleteSnapshotForm, target: (form) => form.snapshot },
  async ({ snapshot }): Promise<string> => {
    await deleteSnapshot({ snapshot });
    refresh();
    return `Snapshot ${snapshot} is being deleted.`;
  },
);

/** From any automated backup, a deleted instance's retained one included: followed on the new instance's page. */
export const restoreBackupToTimeAction = validatedAction(
  {
    action: "restore-db-instance-to-point-in-time",
    schema: restoreBackupToTimeForm,
    target: (form) => form.dbiResourceId,
  },
  async ({ dbiResourceId, target, restoreTime }): Promise<string> => {
    await restoreToPointInTime({ source: { dbiResourceId }, target, restoreTime });
    const alarmsCreated = await trySiblingAlarms({ instance: target, replica: false });
    redirect(newInstanceHref(target, { alarmsCreated }));
  },
);

/** A retained backup is all that is left of a deleted instance: deleting it is the admin's, as deleting a snapshot is. */
export const deleteAutomatedBackupAction = validatedAction(
  {
    action: "delete-db-instance-automated-backup",
    schema: deleteAutomatedBackupForm,
    target: (form) => form.dbiResourceId,
  },
  async ({ dbiResourceId, instance }): Promise<string> => {
    await deleteAutomatedBackup({ dbiResourceId });
    refresh();
    return `The automated backups of ${instance} (${dbiResourceId}) are being deleted.`;
  },
);
