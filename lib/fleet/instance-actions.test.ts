import { describe, expect, it } from "vitest";
import { actionsFor, instanceRole } from "./instance-actions";
import { toDbInstance } from "./to-db-instance";

describe("actionsFor", () => {
  it.each([
    [
      "a Multi-AZ writer",
      { MultiAZ: true },
      "writer",
      ["reboot", "reboot-with-failover", "snapshot", "create-replica", "modify", "delete"],
    ],
    ["a Single-AZ writer", { MultiAZ: false }, "writer", ["reboot", "snapshot", "create-replica", "modify", "delete"]],
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
