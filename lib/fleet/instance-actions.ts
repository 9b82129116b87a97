import { type DashboardAction, roleFor } from "@/lib/auth/action-roles";
import { allows, type Role } from "@/lib/auth/roles";
import type { DbInstance } from "./fleet-model";

/**
 * The actions the dashboard offers on an instance, by its role: each is one
 * RDS API call (RebootDBInstance, CreateDBSnapshot, PromoteReadReplica,
 * CreateDBInstanceReadReplica, RestoreDBInstanceToPointInTime,
 * ModifyDBInstance, DeleteDBInstance, StopDBInstance, StartDBInstance), so the same buttons drive
 * the local fleet and AWS.
 */
export const INSTANCE_ACTIONS = [
  "reboot",
  "reboot-with-failover",
  "snapshot",
  "create-replica",
  "restore-to-time",
  "modify",
  "promote",
  "stop",
  "start",
  "delete",
] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

/** Each action's name in the role table and the audit trail (lib/auth/action-roles.ts). */
const DASHBOARD_ACTION: Record<InstanceAction, DashboardAction> = {
  reboot: "reboot",
  "reboot-with-failover": "reboot-with-failover",
  snapshot: "create-snapshot",
  "create-replica": "create-read-replica",
  "restore-to-time": "restore-db-instance-to-point-in-time",
  modify: "modify-db-instance",
  promote: "promote-read-replica",
  stop: "stop-db-instance",
  start: "start-db-instance",
  delete: "delete-db-instance",
};

/** A writer roots its topology; a replica streams from a source (in this region or another). */
export function instanceRole(instance: DbInstance): "writer" | "replica" {
  return instance.sourceIdentifier === undefined ? "writer" : "replica";
}

export function actionsFor(instance: DbInstance): InstanceAction[] {
  // A stopped instance can be started, snapshotted, restored to a point in time from and deleted; RDS refuses
  // reboots, modifications and read replicas meanwhile. Start stays listed while starting, so that the dialog that
  // sent it lives to hand its receipt to the progress panel.
  if (instance.status === "stopped" || instance.status === "starting") {
    return ["start", "snapshot", ...(instance.latestRestorableTime ? (["restore-to-time"] as const) : []), "delete"];
  }
  const actions: InstanceAction[] = ["reboot"];
  if (instanceRole(instance) === "writer") {
    // RDS fails over only a Multi-AZ instance. Multi-AZ read replicas exist on AWS but not in the local fleet, so
    // the failover drill is offered on writers only until it can be tested on one.
    if (instance.multiAz) actions.push("reboot-with-failover");
    // RDS for PostgreSQL snapshots and backs up the source, not its read replicas.
    actions.push("snapshot", "create-replica");
    // Only once its WAL archive and first automated backup make a moment restorable.
    if (instance.latestRestorableTime) actions.push("restore-to-time");
    actions.push("modify");
    // RDS stops neither a read replica nor the source of one.
    if (instance.replicaIdentifiers.length === 0) actions.push("stop");
  } else {
    actions.push("modify", "promote");
  }
  actions.push("delete");
  return actions;
}

/** The actions the page offers a user of the given role: each server action checks the role again. */
export function actionsAllowed(instance: DbInstance, role: Role): InstanceAction[] {
  return actionsFor(instance).filter((action) => allows(role, roleFor(DASHBOARD_ACTION[action])));
}

/**
 * Whether RDS would take an action now. A failed instance may be rebooted:
 * that is how an operator brings a crashed replica back.
 */
export function acceptsActions(status: string): boolean {
  return status === "available" || status === "failed";
}

/** Actions RDS takes on a stopped instance besides StartDBInstance. */
const ON_STOPPED = new Set<InstanceAction>(["snapshot", "restore-to-time", "delete"]);

/**
 * Whether RDS would take this action now: StartDBInstance only on a stopped
 * instance, StopDBInstance only on an available one; a stopped instance's
 * snapshot, point-in-time restore and deletion; and ModifyDBInstance on a
 * storage-full instance, which is how its storage grows again.
 */
export function acceptsAction(action: InstanceAction, status: string): boolean {
  if (action === "start") return status === "stopped";
  if (action === "stop") return status === "available";
  if (status === "stopped") return ON_STOPPED.has(action);
  if (status === "storage-full") return action === "modify";
  return acceptsActions(status);
}
