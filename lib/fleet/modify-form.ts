/**
 * The Modify dialog's form, checked on the server whatever the dialog
 * allowed. Every setting is optional (the dialog sends only the fields that
 * differ from the instance's; blank keeps the current value), but a
 * form that changes nothing is refused rather than sent as an empty
 * ModifyDBInstance. Shapes are RDS's; what depends on the instance (storage
 * grown by 10 %, windows that do not overlap, a class the region offers) is
 * RDS's own check, whose message the dialog shows.
 */
import { z } from "zod";
import { instanceIdentifier } from "./instance-identifier";

const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const gib = (field: string) =>
  blankIsAbsent(
    z.coerce
      .number({ error: `${field}: expected a whole number of GiB` })
      .int(`${field}: expected a whole number of GiB`)
      .min(20, `${field}: at least 20 GiB`)
      .max(65536, `${field}: at most 65536 GiB`),
  );

/** A switch the dialog offers as on/off, sent as "true" or "false" (an unticked checkbox would send nothing). */
const onOff = (field: string) =>
  blankIsAbsent(
    z.enum(["true", "false"], { error: `${field}: expected true or false` }).transform((v) => v === "true"),
  );

export const modifyInstanceForm = z
  .object({
    identifier: instanceIdentifier,
    instanceClass: blankIsAbsent(
      z
        .string()
        .trim()
        .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "instanceClass: expected a DB instance class such as db.t3.small"),
    ),
    allocatedStorage: gib("allocatedStorage"),
    maxAllocatedStorage: gib("maxAllocatedStorage"),
    storageType: blankIsAbsent(
      z.enum(["gp2", "gp3", "io1", "io2"], { error: "storageType: expected gp2, gp3, io1 or io2" }),
    ),
    multiAz: onOff("multiAz"),
    backupRetentionPeriod: blankIsAbsent(
      z.coerce
        .number({ error: "backupRetentionPeriod: expected a whole number of days" })
        .int("backupRetentionPeriod: expected a whole number of days")
        .min(0, "backupRetentionPeriod: at least 0 days (0 turns automated backups off)")
        .max(35, "backupRetentionPeriod: at most 35 days"),
    ),
    backupWindow: blankIsAbsent(
      z
        .string()
        .trim()
        .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, "backupWindow: expected hh24:mi-hh24:mi in UTC, such as 03:00-03:30"),
    ),
    maintenanceWindow: blankIsAbsent(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(
          /^(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}-(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}$/,
          "maintenanceWindow: expected ddd:hh24:mi-ddd:hh24:mi in UTC, such as sun:05:00-sun:06:00",
        ),
    ),
    deletionProtection: onOff("deletionProtection"),
    copyTagsToSnapshot: onOff("copyTagsToSnapshot"),
    applyImmediately: z.literal("on", { error: "applyImmediately: expected on or nothing" }).optional(),
  })
  .refine(
    (f) =>
      [
        f.instanceClass,
        f.allocatedStorage,
        f.maxAllocatedStorage,
        f.storageType,
        f.multiAz,
        f.backupRetentionPeriod,
        f.backupWindow,
        f.maintenanceWindow,
        f.deletionProtection,
        f.copyTagsToSnapshot,
      ].some((v) => v !== undefined),
    { path: ["instanceClass"], message: "Nothing to change: change at least one setting" },
  );

export type ModifyInstanceForm = z.infer<typeof modifyInstanceForm>;
