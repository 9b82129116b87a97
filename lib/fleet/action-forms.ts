/**
 * What each fleet action's form must carry, checked on the server whatever
 * the dialog allowed: identifiers as RDS accepts them, and for destructive
 * actions the target's name typed again.
 */
import { z } from "zod";
import { withTypedConfirmation } from "@/lib/actions/typed-confirmation";
import { instanceIdentifier } from "./instance-identifier";
import { newSnapshotIdentifier, snapshotIdentifier } from "./snapshot-identifier";
import { tagKey, tagValue } from "./tag-fields";

const THE_IDENTIFIER = "the DB instance identifier";

export const rebootForm = z.object({ identifier: instanceIdentifier });

/** A failover drops every connection and stops writes for a moment. */
export const failoverForm = withTypedConfirmation(
  "identifier",
  { identifier: instanceIdentifier },
  { what: THE_IDENTIFIER, action: "failover" },
);

/** CreateDBSnapshot, from an instance's page or the snapshots page: one action, one form. */
export const createSnapshotForm = z.object({ identifier: instanceIdentifier, snapshot: newSnapshotIdentifier });
/**
 * Stopping takes the instance offline until it is started (or RDS starts it 7
 * days on): its name typed again. A snapshot first is optional (blank: none).
 */
export const stopForm = withTypedConfirmation(
  "identifier",
  {
    identifier: instanceIdentifier,
    snapshot: z.preprocess((v) => (v === "" ? undefined : v), newSnapshotIdentifier.optional()),
  },
  { what: THE_IDENTIFIER, action: "stop" },
);

export const startForm = z.object({ identifier: instanceIdentifier });

export const createReplicaForm = z.object({ identifier: instanceIdentifier, replica: instanceIdentifier });

/** "2026-12-06 09:15:30" or "2026-12-06T09:15:30Z", always UTC, to the second; blank means the latest. */
const utcSecond = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}Z?$/, "restoreTime: expected a UTC time such as 2026-12-06 09:15:30")
  .transform((s) => new Date(`${s.replace(" ", "T").replace(/Z?$/, "Z")}`))
  .refine((d) => !Number.isNaN(d.getTime()), "restoreTime: not a real date and time");

const restoreTime = z.preprocess((v) => (v === "" ? undefined : v), utcSecond.optional());

export const restoreToTimeForm = z.object({ identifier: instanceIdentifier, target: instanceIdentifier, restoreTime });

/** An instance's resource ID, as RDS names its automated backups: "db-" and upper-case letters and digits. */
const dbiResourceId = z
  .string({ error: "dbiResourceId: required" })
  .trim()
  .regex(/^db-[A-Z0-9]{1,64}$/, "dbiResourceId: expected a resource ID such as db-ABCDEFGHIJKLMNOPQRSTUVWXYZ");

/** From the snapshots page: any automated backup, a deleted instance's retained one included, by resource ID. */
export const restoreBackupToTimeForm = z.object({ dbiResourceId, target: instanceIdentifier, restoreTime });

/** A retained backup is the last of a deleted instance: its name typed again. */
export const deleteAutomatedBackupForm = withTypedConfirmation(
  "instance",
  { dbiResourceId, instance: instanceIdentifier },
  { what: "the DB instance identifier", action: "deletion" },
);

/** Promotion cannot be undone: the replica never follows its source again. */
export const promoteForm = withTypedConfirmation(
  "identifier",
  { identifier: instanceIdentifier },
  { what: THE_IDENTIFIER, action: "promotion" },
);

/** Deleting needs a final snapshot's name unless the form says, explicitly, to skip it. */
export const deleteInstanceForm = withTypedConfirmation(
  "identifier",
  {
    identifier: instanceIdentifier,
    skipFinalSnapshot: z.literal("on", { error: "skipFinalSnapshot: expected on or nothing" }).optional(),
    retainAutomatedBackups: z.literal("on", { error: "retainAutomatedBackups: expected on or nothing" }).optional(),
    finalSnapshot: z.preprocess((v) => (v === "" ? undefined : v), newSnapshotIdentifier.optional()),
  },
  { what: THE_IDENTIFIER, action: "deletion" },
).refine((form) => form.skipFinalSnapshot === "on" || form.finalSnapshot !== undefined, {
  path: ["finalSnapshot"],
  message: "Name the final snapshot, or choose to skip it",
});

/** One tag set on an instance: a key it has already gets the new value. */
export const addTagForm = z.object({ identifier: instanceIdentifier, key: tagKey, value: tagValue.default("") });

/** Removing names the key as the instance has it: no rules beyond being there. */
export const removeTagForm = z.object({
  identifier: instanceIdentifier,
  key: z.string({ error: "Tag key: required" }).min(1, "Tag key: required"),
});

export const restoreSnapshotForm = z.object({ snapshot: snapshotIdentifier, instance: instanceIdentifier });

export const deleteSnapshotForm = withTypedConfirmation(
  "snapshot",
  { snapshot: snapshotIdentifier },
  { what: "the snapshot identifier", action: "deletion" },
);
