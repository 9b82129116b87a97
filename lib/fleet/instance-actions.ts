import type { DbInstance } from "./fleet-model";

/**
 * The actions the dashboard offers on an instance, by its role. Today's RDS
 * API (local and AWS alike) gives us reboot and reboot with failover;
 * snapshot, promote, create replica and delete join this list as they land.
 */
export type InstanceAction = "reboot" | "reboot-with-failover";

/** A writer roots its topology; a replica streams from a source (in this region or another). */
export function instanceRole(instance: DbInstance): "writer" | "replica" {
  return instance.sourceIdentifier === undefined ? "writer" : "replica";
}

export function actionsFor(instance: DbInstance): InstanceAction[] {
  const actions: InstanceAction[] = ["reboot"];
  // RDS fails over only a Multi-AZ instance. Multi-AZ read replicas exist on AWS but not in the local fleet, so
  // the failover drill is offered on writers only until it can be tested on one.
  if (instanceRole(instance) === "writer" && instance.multiAz) actions.push("reboot-with-failover");
  return actions;
}

/**
 * Whether RDS would take an action now. A failed instance may be rebooted:
 * that is how an operator brings a crashed replica back.
 */
export function acceptsActions(status: string): boolean {
  return status === "available" || status === "failed";
}
