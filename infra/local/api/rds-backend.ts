import type { DBInstance } from "@aws-sdk/client-rds";

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
}
