import { describe, expect, it } from "vitest";
import { modifyInstanceForm } from "./modify-form";

/** Each message names its field itself, as the dialog shows it beside the form. */
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.message);

describe("modifyInstanceForm", () => {
  it("blank fields keep their value; the rest are RDS's shapes", () => {
    expect(
      modifyInstanceForm.parse({
        identifier: "App-1",
        instanceClass: " db.t3.small ",
        allocatedStorage: "30",
        maxAllocatedStorage: "",
        storageType: "",
        backupWindow: "",
        maintenanceWindow: "Sun:05:00-Sun:06:00",
        applyImmediately: "on",
      }),
    ).toEqual({
      identifier: "app-1",
      instanceClass: "db.t3.small",
      allocatedStorage: 30,
      maintenanceWindow: "sun:05:00-sun:06:00",
      applyImmediately: "on",
    });
  });

  it.each([
    [{}, "Nothing to change: change at least one setting"],
    [{ multiAz: "yes" }, "multiAz: expected true or false"],
    [{ deletionProtection: "on" }, "deletionProtection: expected true or false"],
    [{ copyTagsToSnapshot: "1" }, "copyTagsToSnapshot: expected true or false"],
    [{ backupRetentionPeriod: "a week" }, "backupRetentionPeriod: expected a whole number of days"],
    [{ backupRetentionPeriod: "36" }, "backupRetentionPeriod: at most 35 days"],
    [{ backupRetentionPeriod: "-1" }, "backupRetentionPeriod: at least 0 days (0 turns automated backups off)"],
    [{ instanceClass: "t3.small" }, "instanceClass: expected a DB instance class such as db.t3.small"],
    [{ allocatedStorage: "thirty" }, "allocatedStorage: expected a whole number of GiB"],
    [{ allocatedStorage: "30.5" }, "allocatedStorage: expected a whole number of GiB"],
    [{ allocatedStorage: "10" }, "allocatedStorage: at least 20 GiB"],
    [{ maxAllocatedStorage: "70000" }, "maxAllocatedStorage: at most 65536 GiB"],
    [{ storageType: "magnetic" }, "storageType: expected gp2, gp3, io1 or io2"],
    [{ backupWindow: "3am" }, "backupWindow: expected hh24:mi-hh24:mi in UTC, such as 03:00-03:30"],
    [
      { maintenanceWindow: "sunday 05:00" },
      "maintenanceWindow: expected ddd:hh24:mi-ddd:hh24:mi in UTC, such as sun:05:00-sun:06:00",
    ],
    [{ instanceClass: "db.t3.small", applyImmediately: "yes" }, "applyImmediately: expected on or nothing"],
  ])("refuses %o, naming the field", (fields, message) => {
    expect(messages(modifyInstanceForm.safeParse({ identifier: "app-1", ...fields }))).toEqual([message]);
  });

  it("switches are true or false, and a retention of 0 turns backups off", () => {
    expect(
      modifyInstanceForm.parse({
        identifier: "app-1",
        multiAz: "false",
        deletionProtection: "true",
        copyTagsToSnapshot: "false",
        backupRetentionPeriod: "0",
      }),
    ).toEqual({
      identifier: "app-1",
      multiAz: false,
      deletionProtection: true,
      copyTagsToSnapshot: false,
      backupRetentionPeriod: 0,
    });
  });

  it("refuses a malformed identifier", () => {
    expect(modifyInstanceForm.safeParse({ identifier: "-bad", instanceClass: "db.t3.small" }).success).toBe(false);
  });
});
