/** RDS's window formats, the maintenance window's clock (wrapping past midnight and Sunday) and the overlap rule. */
import { describe, expect, test } from "vitest";
import {
  assertWindowsApart,
  inMaintenanceWindow,
  parseBackupWindow,
  parseMaintenanceWindow,
} from "./maintenance-window";

describe("inMaintenanceWindow", () => {
  test.each([
    ["sun:04:00-sun:05:00", "2026-12-13T04:00:00Z", true],
    ["sun:04:00-sun:05:00", "2026-12-13T04:59:00Z", true],
    ["sun:04:00-sun:05:00", "2026-12-13T05:00:00Z", false],
    ["sun:04:00-sun:05:00", "2026-12-12T04:30:00Z", false],
    // Across midnight, and across the end of the week (Saturday night into Sunday).
    ["mon:23:30-tue:00:30", "2026-12-08T00:10:00Z", true],
    ["sat:23:00-sun:01:00", "2026-12-13T00:30:00Z", true],
    ["sat:23:00-sun:01:00", "2026-12-12T23:30:00Z", true],
    ["sat:23:00-sun:01:00", "2026-12-13T01:30:00Z", false],
    ["SUN:04:00-SUN:05:00", "2026-12-13T04:30:00Z", true],
  ])("%s at %s: %s", (window, at, inside) => {
    expect(inMaintenanceWindow(window, new Date(at))).toBe(inside);
  });
});

describe("window formats", () => {
  test.each(["sun:4:00-sun:05:00", "sunday:04:00-sunday:05:00", "sun:04:00", "sun:24:00-mon:01:00", ""])(
    "maintenance window %j is InvalidParameterValue naming PreferredMaintenanceWindow",
    (window) => {
      expect(() => parseMaintenanceWindow(window)).toThrow(/PreferredMaintenanceWindow/);
    },
  );
  test.each(["3:00-04:00", "03:00", "03:00-04:60", "03:00 - 04:00"])(
    "backup window %j is InvalidParameterValue naming PreferredBackupWindow",
    (window) => {
      expect(() => parseBackupWindow(window)).toThrow(/PreferredBackupWindow/);
    },
  );
  test("both are at least 30 minutes", () => {
    expect(() => parseBackupWindow("03:00-03:29")).toThrow("The backup window must be at least 30 minutes.");
    expect(() => parseMaintenanceWindow("sun:04:00-sun:04:10")).toThrow(
      "The maintenance window must be at least 30 minutes.",
    );
    expect(() => parseBackupWindow("23:45-00:15")).not.toThrow();
  });
});

describe("assertWindowsApart", () => {
  test.each([
    ["03:00-04:00", "sun:04:00-sun:05:00", false],
    ["04:30-05:30", "sun:04:00-sun:05:00", true],
    ["03:30-04:30", "sun:04:00-sun:05:00", true],
    // The daily backup window meets a maintenance window on any day of the week.
    ["22:00-23:00", "wed:22:30-wed:23:30", true],
    ["23:30-00:30", "sat:23:00-sun:01:00", true],
    ["01:00-01:30", "sat:22:00-sat:23:00", false],
  ])("backup %s and maintenance %s overlap: %s", (backup, maintenance, overlaps) => {
    const check = () => assertWindowsApart(backup, maintenance);
    if (overlaps) expect(check).toThrow("The backup window and maintenance window must not overlap.");
    else expect(check).not.toThrow();
  });
});
