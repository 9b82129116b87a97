import type { DBInstance, DBSnapshot } from "@aws-sdk/client-rds";
import { expect } from "vitest";
import type { RdsBackend } from "../rds-backend";
import { fleetInstances } from "./fleet-fixture";

const SNAPSHOT: DBSnapshot = {
  DBSnapshotIdentifier: "snap-1",
  DBInstanceIdentifier: "production-myapp",
  SnapshotCreateTime: new Date("2026-01-01T03:00:00Z"),
  Engine: "postgres",
  Status: "available",
  SnapshotType: "manual",
};

/**
 * An RDS backend for fuzzing the API layer: every call succeeds with a
 * fixture, after checking that what reached it is what validation promised
 * (identifiers present, numbers finite). The real engine's own faults are
 * tested with real fleets (infra/local/engine).
 */
export function fuzzRdsBackend(): RdsBackend & { calls: number } {
  const instance = (): DBInstance => fleetInstances()[0] as DBInstance;
  const checked = <T>(request: Record<string, unknown>, answer: T): T => {
    backend.calls++;
    for (const [name, value] of Object.entries(request)) {
      if (typeof value === "string" && /Id$|identifier/.test(name)) expect(value, name).not.toBe("");
      if (typeof value === "number") expect(Number.isFinite(value), name).toBe(true);
    }
    return answer;
  };
  const group = { DBParameterGroupName: "tuned", DBParameterGroupFamily: "postgres17", Description: "fixture" };
  const parameter = { ParameterName: "work_mem", ParameterValue: "4096", Source: "user", ApplyType: "dynamic" };
  const backend = {
    calls: 0,
    parameterGroups: {
      createDBParameterGroup: (r) => checked(r, group),
      copyDBParameterGroup: (r) => checked(r, group),
      describeDBParameterGroups: () => [group],
      modifyDBParameterGroup: async (r) => checked(r, r.name),
      resetDBParameterGroup: async (r) => checked(r, r.name),
      deleteDBParameterGroup: (r) => checked(r, undefined),
      describeDBParameters: async (r) => checked(r, [parameter]),
      describeEngineDefaultParameters: async (r) => checked(r, [parameter]),
      assignDBParameterGroup: (r) => checked(r, undefined),
    },
    describeDBInstances: () => fleetInstances(),
    describeEvents: () => [],
    describeDBSnapshots: () => [SNAPSHOT],
    rebootDBInstance: (r) => checked(r, instance()),
    createDBSnapshot: (r) => checked(r, SNAPSHOT),
    deleteDBSnapshot: (r) => checked(r, SNAPSHOT),
    restoreDBInstanceFromDBSnapshot: async (r) => checked(r, instance()),
    restoreDBInstanceToPointInTime: async (r) => checked(r, instance()),
    describeDBInstanceAutomatedBackups: () => [],
    deleteDBInstanceAutomatedBackup: (r) => checked(r, {}),
    promoteReadReplica: (r) => checked(r, instance()),
    createDBInstanceReadReplica: async (r) => checked(r, instance()),
    deleteDBInstance: (r) => checked(r, instance()),
    modifyDBInstance: (r) => checked(r, instance()),
    describeValidDBInstanceModifications: (r) => checked(r, { Storage: [], ValidProcessorFeatures: [] }),
    addTagsToResource: (r) => checked(r, undefined),
    listTagsForResource: (r) => checked(r, [{ Key: "Environment", Value: "production" }]),
    removeTagsFromResource: (r) => checked(r, undefined),
    describeDBLogFiles: (r) =>
      checked(r, [{ LogFileName: "error/postgresql.log.2026-01-01-03", LastWritten: 1767236400000, Size: 120 }]),
    downloadDBLogFilePortion: (r) =>
      checked(r, {
        LogFileData: "2026-01-01 03:00:00.000 UTC [1] LOG:  ready\n",
        Marker: "44",
        AdditionalDataPending: false,
      }),
    stopDBInstance: (r) => checked(r, instance()),
    startDBInstance: (r) => checked(r, instance()),
  } satisfies RdsBackend & { calls: number };
  return backend;
}
