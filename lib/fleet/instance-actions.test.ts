import { describe, expect, it } from "vitest";
import { acceptsAction, actionsFor, instanceRole } from "./instance-actions";
import { toDbInstance } from "./to-db-instance";

describe("actionsFor", () => {
  it.each([
    [
      "a Multi-AZ writer",
      { MultiAZ: true },
      "writer",
      ["reboot", "reboot-with-failover", "snapshot", "create-replica", "modify", "stop", "delete"],
    ],
    [
      "a Single-AZ writer",
      { MultiAZ: false },
      "writer",
      ["reboot", "snapshot", "create-replica", "modify", "stop", "delete"],
    ],
    [
      "a writer with read replicas (RDS stops neither it nor them)",
      { MultiAZ: true, ReadReplicaDBInstanceIdentifiers: ["app-r1"] },
      "writer",
      ["reboot", "reboot-with-failover", "snapshot", "create-replica", "modify", "delete"],
    ],
    [
      "a stopped writer (snapshot and delete too, as RDS)",
      { DBInstanceStatus: "stopped" },
      "writer",
      ["start", "snapshot", "delete"],
    ],
    [
      "a stopped writer with a restorable time",
      { DBInstanceStatus: "stopped", LatestRestorableTime: new Date("2026-12-06T10:00:00Z") },
      "writer",
      ["start", "snapshot", "restore-to-time", "delete"],
    ],
    [
      "a starting writer (Start, disabled, until it is available)",
      { DBInstanceStatus: "starting" },
      "writer",
      ["start", "snapshot", "delete"],
    ],
    [
      "a read replica",
      { ReadReplicaSourceDBInstanceIdentifier: "app" },
      "replica",
      ["reboot", "modify", "promote", "delete"],
    ],
    [
      "a cross-region replica marked Multi-AZ",
      { MultiAZ: true, ReadReplicaSourceDBInstanceIdentifier: "arn:aws:rds:eu-west-1:123456789012:db:app" },
      "replica",
      ["reboot", "modify", "promote", "delete"],
    ],
  ])("offers %s what its role allows", (_, extra, role, actions) => {
    const instance = toDbInstance({ DBInstanceIdentifier: "x", DBInstanceStatus: "available", ...extra });
    expect(instanceRole(instance)).toBe(role);
    expect(actionsFor(instance)).toEqual(actions);
  });
});

describe("acceptsAction", () => {
  it.each([
    ["start", "stopped", true],
    ["start", "available", false],
    ["start", "stopping", false],
    ["stop", "available", true],
    ["stop", "failed", false],
    ["stop", "stopped", false],
    ["reboot", "stopped", false],
    ["reboot", "failed", true],
    ["snapshot", "stopped", true],
    ["delete", "stopped", true],
    ["restore-to-time", "stopped", true],
    ["modify", "stopped", false],
    ["create-replica", "stopped", false],
    ["snapshot", "starting", false],
    ["modify", "storage-full", true],
    ["reboot", "storage-full", false],
    ["stop", "storage-full", false],
  ] as const)("%s on an instance %s: %s", (action, status, accepted) => {
    expect(acceptsAction(action, status)).toBe(accepted);
  });
});
