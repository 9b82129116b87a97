import type { Role } from "@/lib/auth/roles";
import type { DbInstance } from "./fleet-model";

/**
 * The actions the dashboard offers on an instance, by its role: each is one
 * RDS API call (RebootDBInstance, CreateDBSnapshot, PromoteReadReplica,
 * CreateDBInstanceReadReplica, RestoreDBInstanceToPointInTime,
 * DeleteDBInstance, StopDBInstance, StartDBInstance), so the same buttons drive
 * the local fleet and AWS.
 */
export const INSTANCE_ACTIONS = [
  "reboot",
  "reboot-with-failover",
  "snapshot",
  "create-replica",
  "restore-to-time",
  "promote",
  "stop",
  "start",
  "delete",
] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

/**
 * The least role each action needs: the page offers only these. Each server
 * action (app/instances/[id]/actions.ts) declares the same role and is the
 * check that counts. Deleting destroys more than any
 * operator action: it is the admin's.
 */
export const ACTION_ROLES: Record<InstanceAction, Role> = {
  reboot: "operator",
  "reboot-with-failover": "operator",
  snapshot: "operator",
  "create-replica": "operator",
  "restore-to-time": "operator",
  promote: "operator",
  stop: "operator",
  start: "operator",
  delete: "admin",
};

/** A writer roots its topology; a replica streams from a source (in this region or another). */
export function instanceRole(instance: DbInstance): "writer" | "replica" {
  return instance.sourceIdentifier === undefined ? "writer" : "replica";
}

export function actionsFor(instance: DbInstance): InstanceAction[] {
  // A stopped instance can only be started (RDS refuses reboots, snapshots and modifications meanwhile). Start
  // stays listed while starting, so that the dialog that sent it lives to hand its receipt to the progress panel.
  if (instance.status === "stopped" || instance.status === "starting") return ["start"];
  const actions: InstanceAction[] = ["reboot"];
  if (instanceRole(instance) === "writer") {
    // RDS fails over only a Multi-AZ instance. Multi-AZ read replicas exist on AWS but not in the local fleet, so
    // the failover drill is offered on writers only until it can be tested on one.
    if (instance.multiAz) actions.push("reboot-with-failover");
    // RDS for PostgreSQL snapshots and backs up the source, not its read replicas.
    actions.push("snapshot", "create-replica");
    // Only once its WAL archive and first automated backup make a moment restorable.
    if (instance.latestRestorableTime) actions.push("restore-to-time");
    // RDS stops neither a read replica nor the source of one.
    if (instance.replicaIdentifiers.length === 0) actions.push("stop");
  } else {
    actions.push("promote");
  }
  actions.push("delete");
  return actions;
}

/**
 * Whether RDS would take an action now. A failed instance may be rebooted:
 * that is how an operator brings a crashed replica back.
 */
export function acceptsActions(status: string): boolean {
  return status === "available" || status === "failed";
}

/** Whether RDS would take this action now: StartDBInstance only on a stopped instance, StopDBInstance only on an available one. */
export function acceptsAction(action: InstanceAction, status: string): boolean {
  if (action === "start") return status === "stopped";
  if (action === "stop") return status === "available";
  return acceptsActions(status);
}
