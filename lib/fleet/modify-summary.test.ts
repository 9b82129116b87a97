import { describe, expect, it } from "vitest";
import { changedValue, type ModifyValues, shownValue, modifySummary as summary, windowAfter } from "./modify-summary";

/** A Wednesday noon (UTC), outside the instance's Sunday window. */
const WEDNESDAY_NOON = new Date("2026-12-09T12:00:00Z");
const modifySummary = (current: ModifyValues, typed: ModifyValues, applyImmediately: boolean) =>
  summary(current, typed, { applyImmediately, now: WEDNESDAY_NOON });

const current: ModifyValues = {
  instanceClass: "db.t3.micro",
  allocatedStorage: "20",
  maxAllocatedStorage: "100",
  storageType: "gp3",
  multiAz: "true",
  backupRetentionPeriod: "7",
  backupWindow: "03:00-04:00",
  maintenanceWindow: "sun:04:00-sun:05:00",
  deletionProtection: "false",
  copyTagsToSnapshot: "true",
};

const whenOf = (typed: Partial<ModifyValues>, applyImmediately = false) =>
  Object.fromEntries(modifySummary(current, { ...current, ...typed }, applyImmediately).map((c) => [c.field, c.when]));

describe("modifySummary", () => {
  it("lists nothing while every field holds the instance's value, or is blank", () => {
    expect(modifySummary(current, current, false)).toEqual([]);
    expect(
      modifySummary(current, { ...current, allocatedStorage: " ", maintenanceWindow: "Sun:04:00-Sun:05:00" }, true),
    ).toEqual([]);
  });

  it("says current → new for each change, in the form's order", () => {
    expect(modifySummary(current, { ...current, storageType: "io1", instanceClass: " db.t3.small " }, false)).toEqual([
      {
        field: "instanceClass",
        label: "Instance class",
        from: "db.t3.micro",
        to: "db.t3.small",
        when: "maintenance-window",
      },
      { field: "storageType", label: "Storage type", from: "gp3", to: "io1", when: "maintenance-window" },
    ]);
  });

  it("defers what RDS defers without ApplyImmediately, and applies the rest at once", () => {
    const typed = {
      instanceClass: "db.t3.small",
      allocatedStorage: "30",
      storageType: "gp2",
      multiAz: "false",
      maxAllocatedStorage: "200",
      backupRetentionPeriod: "14",
      backupWindow: "02:00-02:30",
      maintenanceWindow: "mon:05:00-mon:06:00",
      deletionProtection: "true",
      copyTagsToSnapshot: "false",
    };
    expect(whenOf(typed)).toEqual({
      instanceClass: "maintenance-window",
      allocatedStorage: "maintenance-window",
      storageType: "maintenance-window",
      multiAz: "maintenance-window",
      maxAllocatedStorage: "now",
      backupRetentionPeriod: "now",
      backupWindow: "now",
      maintenanceWindow: "now",
      deletionProtection: "now",
      copyTagsToSnapshot: "now",
    });
    expect(Object.values(whenOf(typed, true))).toEqual(Array(10).fill("now"));
  });

  it.each([
    ["7", "0", "maintenance-window"],
    ["0", "1", "maintenance-window"],
    ["7", "35", "now"],
  ])("backup retention %s → %s days: %s", (from, to, when) => {
    expect(
      modifySummary({ ...current, backupRetentionPeriod: from }, { ...current, backupRetentionPeriod: to }, false),
    ).toEqual([expect.objectContaining({ field: "backupRetentionPeriod", when })]);
  });

  it("keeps a malformed value as typed: the server names what is wrong with it", () => {
    expect(modifySummary(current, { ...current, allocatedStorage: "thirty" }, false)).toEqual([
      expect.objectContaining({ field: "allocatedStorage", from: "20", to: "thirty" }),
    ]);
  });
});

describe("a maintenance window moved to include now", () => {
  it.each([
    ["wed:11:30-wed:12:30", "now"],
    ["Wed:11:00-Wed:12:00", "maintenance-window"],
    ["tue:23:00-thu:01:00", "now"],
    ["sat:23:00-sun:00:30", "maintenance-window"],
  ])("%s: the class change applies %s", (maintenanceWindow, when) => {
    expect(modifySummary(current, { ...current, instanceClass: "db.t3.small", maintenanceWindow }, false)[0]).toEqual(
      expect.objectContaining({ field: "instanceClass", when }),
    );
  });

  it("wraps past Saturday midnight", () => {
    const sundayEarly = new Date("2026-12-06T00:10:00Z");
    const typed = { ...current, instanceClass: "db.t3.small", maintenanceWindow: "sat:23:50-sun:00:30" };
    expect(summary(current, typed, { applyImmediately: false, now: sundayEarly })[0]?.when).toBe("now");
  });
});

describe("changedValue, shownValue, windowAfter", () => {
  it("sends a maintenance window in RDS's lower case", () => {
    expect(changedValue("maintenanceWindow", "sun:04:00-sun:05:00", "Mon:04:00-Mon:05:00")).toBe("mon:04:00-mon:05:00");
  });

  it("shows switches as on/off and numbers with their unit", () => {
    expect(["multiAz", "deletionProtection"].map((f) => shownValue(f as "multiAz", "true"))).toEqual(["on", "on"]);
    expect(shownValue("allocatedStorage", "20")).toBe("20 GiB");
    expect(shownValue("backupRetentionPeriod", "1")).toBe("1 day");
    expect(shownValue("maxAllocatedStorage", "")).toBe("not set");
  });

  it("deferred changes wait for the new maintenance window when the form moves it", () => {
    expect(windowAfter(current, current)).toBe("sun:04:00-sun:05:00");
    expect(windowAfter(current, { ...current, maintenanceWindow: "Tue:01:00-Tue:02:00" })).toBe("tue:01:00-tue:02:00");
  });
});
