import type { DBInstance } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import { groupTopologies } from "./group-topologies";
import { toDbInstance } from "./to-db-instance";

const instance = (id: string, extra: Partial<DBInstance> = {}) =>
  toDbInstance({ DBInstanceIdentifier: id, DBInstanceStatus: "available", ...extra });

describe("groupTopologies", () => {
  it("puts a Multi-AZ writer's standby beside it and its replicas under it", () => {
    const [topology, ...rest] = groupTopologies([
      instance("app-replica-2", { ReadReplicaSourceDBInstanceIdentifier: "app" }),
      instance("app", { MultiAZ: true, SecondaryAvailabilityZone: "us-east-1b", DBInstanceStatus: "rebooting" }),
      instance("app-replica-1", { ReadReplicaSourceDBInstanceIdentifier: "app" }),
    ]);
    expect(rest).toEqual([]);
    expect(topology?.writer.identifier).toBe("app");
    expect(topology?.externalSource).toBeUndefined();
    expect(topology?.standby).toEqual({
      role: "standby",
      writerIdentifier: "app",
      availabilityZone: "us-east-1b",
      replication: "synchronous",
      status: "rebooting",
    });
    expect(topology?.replicas.map((r) => r.instance.identifier)).toEqual(["app-replica-1", "app-replica-2"]);
  });

  it("keeps unrelated instances apart and nests replicas of replicas", () => {
    const topologies = groupTopologies([
      instance("billing"),
      instance("app"),
      instance("app-r1", { ReadReplicaSourceDBInstanceIdentifier: "app" }),
      instance("app-r1-r1", { ReadReplicaSourceDBInstanceIdentifier: "app-r1" }),
    ]);
    expect(topologies.map((t) => t.writer.identifier)).toEqual(["app", "billing"]);
    expect(topologies[0]?.replicas[0]?.replicas.map((r) => r.instance.identifier)).toEqual(["app-r1-r1"]);
    expect(topologies[1]?.standby).toBeUndefined();
  });

  it("roots a replica whose source is in another region, marked as such", () => {
    const arn = "arn:aws:rds:eu-west-1:123456789012:db:app";
    const [topology] = groupTopologies([instance("app-us", { ReadReplicaSourceDBInstanceIdentifier: arn })]);
    expect(topology?.externalSource).toBe(arn);
  });

  it("shows instances caught in a replication cycle instead of dropping them", () => {
    const topologies = groupTopologies([
      instance("a", { ReadReplicaSourceDBInstanceIdentifier: "b" }),
      instance("b", { ReadReplicaSourceDBInstanceIdentifier: "a" }),
    ]);
    expect(topologies.map((t) => t.writer.identifier)).toEqual(["a"]);
    expect(topologies[0]?.replicas.map((r) => r.instance.identifier)).toEqual(["b"]);
  });
});

describe("toDbInstance", () => {
  it("reads a replica's replication state from its StatusInfos", () => {
    const replica = instance("r", {
      StatusInfos: [{ StatusType: "read replication", Status: "error", Normal: false, Message: "WAL gap" }],
    });
    expect(replica.replication).toEqual({ status: "error", normal: false, message: "WAL gap" });
  });

  it("has no endpoint until RDS assigns one", () => {
    expect(instance("new", { DBInstanceStatus: "creating" }).endpoint).toBeUndefined();
    expect(instance("up", { Endpoint: { Address: "up.example", Port: 5432 } }).endpoint).toEqual({
      host: "up.example",
      port: 5432,
    });
  });
});
