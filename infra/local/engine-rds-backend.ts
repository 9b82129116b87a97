/**
 * The RDS API's view of the engine: DBInstance, DBSnapshot and Event shapes
 * (tags included) from the engine's state, and the engine's refusals as the AWS faults SDKs
 * expect.
 */
import type { DBInstance, DBSnapshot, Event } from "@aws-sdk/client-rds";
import type { Fleet } from "../fleet";
import { commonErrors } from "./api/common-errors";
import { rdsErrors, rdsFault } from "./api/rds/rds-errors";
import type { RdsBackend } from "./api/rds-backend";
import { createReadReplica } from "./engine/create-read-replica";
import { toDBInstance } from "./engine/db-instance";
import { instanceLogFiles, instanceLogPortion } from "./engine/db-log-files";
import { toDBSnapshot } from "./engine/db-snapshot";
import { deleteInstance } from "./engine/delete-instance";
import type { FleetEngine } from "./engine/fleet-engine";
import { EngineFault } from "./engine/fleet-ops";
import { modifyInstance } from "./engine/modify-instance";
import { promoteReadReplica } from "./engine/promote-replica";
import { rebootInstance } from "./engine/reboot-instance";
import { addTags, listTags, removeTags } from "./engine/resource-tags";
import { restoreFromSnapshot } from "./engine/restore-instance";
import { restoreToPointInTime } from "./engine/restore-to-point-in-time";
import { automatedBackups, deleteRetainedBackup } from "./engine/snapshots/automated-backup-view";
import { createSnapshot, deleteSnapshot } from "./engine/snapshots/take-snapshot";
import { startInstance } from "./engine/start-instance";
import { stopInstance } from "./engine/stop-instance";
import { validModifications } from "./engine/valid-modifications";
import { engineParameterGroupsBackend } from "./engine-parameter-groups-backend";

function toAwsError(error: unknown): unknown {
  if (!(error instanceof EngineFault)) return error;
  switch (error.code) {
    case "InvalidParameterCombination":
      return rdsErrors.invalidParameterCombination(error.message);
    case "InvalidParameterValue":
      return commonErrors.invalidParameterValue(error.message);
    default:
      return rdsFault(error.code, error.message);
  }
}

/** Runs an engine call, turning its refusals into AWS faults. */
export function call<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toAwsError(error);
  }
}

export async function callAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toAwsError(error);
  }
}

export function engineRdsBackend(engine: FleetEngine, fleet: Fleet): RdsBackend {
  const describeInstances = (): DBInstance[] =>
    engine.instances().map((i) => toDBInstance(fleet, i, engine.credentials.master.username, engine.engineVersion));
  const instanceNow = (identifier: string): DBInstance => {
    const now = describeInstances().find((i) => i.DBInstanceIdentifier === identifier);
    if (!now) throw rdsErrors.dbInstanceNotFound(identifier);
    return now;
  };
  const snapshot = (record: Parameters<typeof toDBSnapshot>[1]): DBSnapshot => toDBSnapshot(fleet, record);
  return {
    parameterGroups: engineParameterGroupsBackend(engine, fleet),
    describeDBInstances: describeInstances,
    rebootDBInstance: ({ identifier, forceFailover }) => {
      call(() => rebootInstance(engine, identifier, forceFailover));
      return instanceNow(identifier);
    },
    describeEvents: (): Event[] =>
      engine.events.all().map((e) => ({
        SourceIdentifier: e.sourceId,
        SourceType: e.sourceType,
        SourceArn: e.sourceArn,
        Message: e.message,
        EventCategories: e.categories,
        Date: new Date(e.date),
      })),
    createDBSnapshot: ({ instanceId, snapshotId, tags }) =>
      snapshot(call(() => createSnapshot(engine, { instanceId, snapshotId, type: "manual", at: engine.now(), tags }))),
    describeDBSnapshots: () => engine.snapshots.all().map(snapshot),
    deleteDBSnapshot: ({ snapshotId }) => ({
      ...snapshot(call(() => deleteSnapshot(engine, snapshotId))),
      Status: "deleted",
    }),
    restoreDBInstanceFromDBSnapshot: async (request) => {
      const record = await callAsync(() => restoreFromSnapshot(engine, request));
      return instanceNow(record.id);
    },
    restoreDBInstanceToPointInTime: async (request) => {
      const record = await callAsync(() => restoreToPointInTime(engine, request));
      return instanceNow(record.id);
    },
    describeDBInstanceAutomatedBackups: () => automatedBackups(engine),
    deleteDBInstanceAutomatedBackup: ({ dbiResourceId, arn }) => {
      const dbi =
        dbiResourceId ??
        automatedBackups(engine).find((b) => b.DBInstanceAutomatedBackupsArn === arn)?.DbiResourceId ??
        `${arn}`;
      return call(() => deleteRetainedBackup(engine, dbi));
    },
    promoteReadReplica: ({ instanceId, backupRetentionPeriod }) => {
      call(() => promoteReadReplica(engine, instanceId, backupRetentionPeriod));
      return instanceNow(instanceId);
    },
    createDBInstanceReadReplica: async (request) => {
      const record = await callAsync(() => createReadReplica(engine, request));
      return instanceNow(record.id);
    },
    deleteDBInstance: (request) => {
      call(() => deleteInstance(engine, request));
      return instanceNow(request.instanceId);
    },
    modifyDBInstance: (request) => {
      call(() => modifyInstance(engine, request));
      return instanceNow(request.instanceId);
    },
    describeValidDBInstanceModifications: ({ instanceId }) => call(() => validModifications(engine, instanceId)),
    stopDBInstance: ({ instanceId, snapshotId }) => {
      call(() => stopInstance(engine, instanceId, snapshotId));
      return instanceNow(instanceId);
    },
    startDBInstance: ({ instanceId }) => {
      call(() => startInstance(engine, instanceId));
      return instanceNow(instanceId);
    },
    addTagsToResource: ({ resource, tags }) => call(() => addTags(engine, resource, tags)),
    listTagsForResource: ({ resource }) => call(() => listTags(engine, resource)),
    removeTagsFromResource: ({ resource, keys }) => call(() => removeTags(engine, resource, keys)),
    describeDBLogFiles: ({ instanceId }) =>
      call(() => instanceLogFiles(engine, instanceId)).map((f) => ({
        LogFileName: f.logFileName,
        LastWritten: f.lastWritten,
        Size: f.size,
      })),
    downloadDBLogFilePortion: (request) => {
      const portion = call(() => instanceLogPortion(engine, request));
      return { LogFileData: portion.data, Marker: portion.marker, AdditionalDataPending: portion.pending };
    },
  };
}
