import type { DBInstance, Event } from "@aws-sdk/client-rds";

/**
 * What the local engine implements so that the API can answer RDS calls.
 *
 * Types come from the real SDK so that the engine fills exactly the fields the
 * RDS service model defines; the API layer serialises whatever it is given by
 * that model. New actions (snapshots, events, reboot…) add a method here and
 * one operation file under `rds/`.
 */
export interface RdsBackend {
  /** Every DB instance, in its current real state. */
  describeDBInstances(): DBInstance[];
  /**
   * Starts a reboot (or, with forceFailover, a Multi-AZ failover) and returns
   * the instance as it is now. Throws an AwsError when the instance's state
   * does not allow it.
   */
  rebootDBInstance(request: { identifier: string; forceFailover: boolean }): DBInstance;
  /** Every recorded event, oldest first; the operation filters and pages. */
  describeEvents(): Event[];
}
