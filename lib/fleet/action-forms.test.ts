import { describe, expect, it } from "vitest";
import {
  createReplicaForm,
  createSnapshotForm,
  deleteAutomatedBackupForm,
  deleteInstanceForm,
  deleteSnapshotForm,
  failoverForm,
  promoteForm,
  restoreBackupToTimeForm,
  restoreSnapshotForm,
  restoreToTimeForm,
  startForm,
  stopForm,
} from "./action-forms";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("typed confirmations", () => {
  it.each([
    ["failover", failoverForm],
    ["promote", promoteForm],
  ])("%s: accepts the identifier typed again (case as RDS stores it, spaces trimmed)", (_, form) => {
    expect(form.parse({ identifier: "App-1", confirmation: " app-1 " })).toEqual({
      identifier: "app-1",
      confirmation: " app-1 ",
    });
  });

  it.each([
    [{ identifier: "app-1" }, "confirmation: Type the DB instance identifier to confirm the promotion"],
    [
      { identifier: "app-1", confirmation: "app-2" },
      "confirmation: The confirmation does not match the DB instance identifier",
    ],
  ])("promote refuses %o", (fields, message) => {
    expect(messages(promoteForm.safeParse(fields))).toEqual([message]);
  });

  it("deleting a snapshot needs its identifier typed again", () => {
    expect(deleteSnapshotForm.safeParse({ snapshot: "snap-1", confirmation: "snap-1" }).success).toBe(true);
    expect(messages(deleteSnapshotForm.safeParse({ snapshot: "snap-1", confirmation: "snap-2" }))).toEqual([
      "confirmation: The confirmation does not match the snapshot identifier",
    ]);
  });
});

describe("deleteInstanceForm", () => {
  const base = { identifier: "app-1", confirmation: "app-1" };

  it("takes a final snapshot's name, or the explicit choice to skip it", () => {
    const withSnapshot = deleteInstanceForm.parse({ ...base, finalSnapshot: "App-1-Final" });
    expect(withSnapshot.finalSnapshot).toBe("app-1-final");
    expect(withSnapshot.skipFinalSnapshot).toBeUndefined();
    expect(deleteInstanceForm.parse({ ...base, finalSnapshot: "", skipFinalSnapshot: "on" })).toMatchObject({
      finalSnapshot: undefined,
      skipFinalSnapshot: "on",
    });
  });

  it.each([
    [{ finalSnapshot: "" }, "finalSnapshot: Name the final snapshot, or choose to skip it"],
    [{ finalSnapshot: "final snapshot" }, "finalSnapshot: a DB snapshot identifier has letters, digits and hyphens"],
    [{ finalSnapshot: "final--x" }, "finalSnapshot: a DB snapshot identifier has no trailing or doubled hyphen"],
    [{ skipFinalSnapshot: "yes" }, "skipFinalSnapshot: skipFinalSnapshot: expected on or nothing"],
  ])("refuses %o", (fields, message) => {
    const result = messages(deleteInstanceForm.safeParse({ ...base, ...fields }));
    expect(result.join("\n")).toContain(message);
  });
});

describe("identifiers", () => {
  it.each([
    [createSnapshotForm, { identifier: "app-1", snapshot: "1st" }, "snapshot: a DB snapshot identifier has letters"],
    [
      createSnapshotForm,
      { identifier: "app-1", snapshot: "x".repeat(256) },
      "snapshot: a DB snapshot identifier has at most 255",
    ],
    [createReplicaForm, { identifier: "app-1", replica: "replica_1" }, "replica: a DB instance identifier has letters"],
    [
      restoreSnapshotForm,
      { snapshot: "rds:app-1-2026-11-25-03-00", instance: "-x" },
      "instance: a DB instance identifier",
    ],
  ])("refuses %#, naming the field", (form, fields, message) => {
    expect(messages(form.safeParse(fields)).join("\n")).toContain(message);
  });

  it("restores automated snapshots by their rds: names", () => {
    expect(restoreSnapshotForm.parse({ snapshot: "rds:App-1-2026-11-25-03-00", instance: "copy" })).toEqual({
      snapshot: "rds:app-1-2026-11-25-03-00",
      instance: "copy",
    });
  });
});

describe("restore to a point in time", () => {
  it.each([
    ["2026-12-06 09:15:30", new Date("2026-12-06T09:15:30Z")],
    ["2026-12-06T09:15:30Z", new Date("2026-12-06T09:15:30Z")],
    [" 2026-12-06 09:15:30 ", new Date("2026-12-06T09:15:30Z")],
    ["", undefined],
  ])("restoreTime %j is %s (UTC; blank is the latest)", (restoreTime, expected) => {
    expect(restoreToTimeForm.parse({ identifier: "app-1", target: "app-1-then", restoreTime }).restoreTime).toEqual(
      expected,
    );
  });

  it.each([
    ["yesterday", "restoreTime: restoreTime: expected a UTC time such as 2026-12-06 09:15:30"],
    ["2026-12-06 09:15", "restoreTime: restoreTime: expected a UTC time such as 2026-12-06 09:15:30"],
    ["2026-12-06 09:15:30+02:00", "restoreTime: restoreTime: expected a UTC time such as 2026-12-06 09:15:30"],
    ["2026-13-45 09:15:30", "restoreTime: restoreTime: not a real date and time"],
  ])("restoreTime %j is refused naming the field", (restoreTime, message) => {
    expect(messages(restoreToTimeForm.safeParse({ identifier: "app-1", target: "app-1-then", restoreTime }))).toEqual([
      message,
    ]);
  });

  it("the new instance's identifier follows RDS's rules", () => {
    const result = restoreToTimeForm.safeParse({ identifier: "app-1", target: "app_1", restoreTime: "" });
    expect(messages(result)[0]).toMatch(/^target: /);
  });
});

describe("automated backups, by resource ID", () => {
  const ID = "db-53AD52373AC20D507B8D4C8675";

  it("a restore names the backup's resource ID, the new instance and, optionally, the time", () => {
    expect(restoreBackupToTimeForm.parse({ dbiResourceId: ` ${ID} `, target: "App-Back", restoreTime: "" })).toEqual({
      dbiResourceId: ID,
      target: "app-back",
      restoreTime: undefined,
    });
  });

  it.each([
    [{ target: "app-back" }, "dbiResourceId: dbiResourceId: required"],
    [
      { dbiResourceId: "production-myapp", target: "app-back" },
      "dbiResourceId: dbiResourceId: expected a resource ID such as db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    ],
    [
      { dbiResourceId: ID, target: "app-back", restoreTime: "noon" },
      "restoreTime: restoreTime: expected a UTC time such as 2026-12-06 09:15:30",
    ],
  ])("a restore refuses %o, naming the field", (fields, message) => {
    expect(messages(restoreBackupToTimeForm.safeParse(fields))).toEqual([message]);
  });

  it("deleting a retained backup needs its instance's identifier typed again", () => {
    const form = { dbiResourceId: ID, instance: "old-app" };
    expect(deleteAutomatedBackupForm.safeParse({ ...form, confirmation: "old-app" }).success).toBe(true);
    expect(messages(deleteAutomatedBackupForm.safeParse({ ...form, confirmation: ID }))).toEqual([
      "confirmation: The confirmation does not match the DB instance identifier",
    ]);
  });
});

describe("stopForm and startForm", () => {
  it("stop: the identifier typed again, and a snapshot only when named", () => {
    expect(stopForm.parse({ identifier: "App-1", confirmation: "app-1", snapshot: "" })).toEqual({
      identifier: "app-1",
      confirmation: "app-1",
      snapshot: undefined,
    });
    expect(stopForm.parse({ identifier: "app-1", confirmation: "app-1", snapshot: "Before-Stop" }).snapshot).toBe(
      "before-stop",
    );
  });

  it.each([
    [{ identifier: "app-1" }, ["confirmation: Type the DB instance identifier to confirm the stop"]],
    [
      { identifier: "app-1", confirmation: "app-2" },
      ["confirmation: The confirmation does not match the DB instance identifier"],
    ],
    [{ identifier: "app-1", confirmation: "app-1", snapshot: "1-bad" }, ["snapshot"]],
    [{ identifier: "-bad", confirmation: "-bad" }, ["identifier"]],
    [{ confirmation: "app-1" }, ["identifier"]],
  ])("stop refuses %o, naming the field", (fields, expected) => {
    const found = messages(stopForm.safeParse(fields));
    expect(found.length).toBeGreaterThan(0);
    for (const [i, e] of expected.entries()) expect(found[i]).toContain(e);
  });

  it.each([[{}], [{ identifier: "" }], [{ identifier: "a--b" }], [{ identifier: 7 }]])(
    "start refuses %o, naming the identifier",
    (fields) => {
      expect(messages(startForm.safeParse(fields)).join("\n")).toContain("identifier");
    },
  );

  it("start takes an identifier as RDS stores it", () => {
    expect(startForm.parse({ identifier: "App-1" })).toEqual({ identifier: "app-1" });
  });
});
