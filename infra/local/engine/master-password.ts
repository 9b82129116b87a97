/**
 * MasterUserPassword: applied as soon as possible whatever ApplyImmediately
 * says, as on RDS. ALTER ROLE runs on the instance's primary node, so its
 * standby and read replicas get it by replication; the fleet's credentials
 * file (what `npm run fleet:env` prints) follows. The local fleet keeps one
 * master password, its writer's: other primaries (restored or promoted
 * instances) keep theirs, so it is rotated on the writer only.
 */
import { fleetNames } from "../../fleet";
import { saveCredentials } from "../pg/credentials";
import { EngineFault, type FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";

const PRINTABLE_EXCEPT = /^[\x21-\x7e]+$/;

export function assertMasterPassword(ops: FleetOps, instance: InstanceRecord, password: string): void {
  if (password.length < 8 || password.length > 128) {
    throw new EngineFault(
      "InvalidParameterValue",
      "The parameter MasterUserPassword is not a valid password because it is not 8 to 128 characters long.",
    );
  }
  if (!PRINTABLE_EXCEPT.test(password) || /[/@"]/.test(password)) {
    throw new EngineFault(
      "InvalidParameterValue",
      "The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.",
    );
  }
  const writer = fleetNames(ops.fleet).writer;
  if (instance.id !== writer) {
    throw new EngineFault(
      "InvalidParameterCombination",
      instance.role === "replica"
        ? "A read replica's master user password cannot be modified: it replicates its source's."
        : `The local fleet keeps one master user password, ${writer}'s: rotate it there.`,
    );
  }
}

/** Rotates the master password on the primary node and in the credentials file; event RDS-EVENT-0016. */
export async function applyMasterPassword(ops: FleetOps, id: string, password: string): Promise<void> {
  const instance = ops.requireInstance(id);
  const primary = ops.node(instance.node.name);
  const user = ops.credentials.master.username;
  await ops.asAdmin(primary, async (db) => {
    // The statement carries the password: neither the server log (slow or failed statements) nor
    // pg_stat_statements (Performance Insights' top SQL) may keep it.
    await db.query("set log_min_duration_statement = -1");
    await db.query("set log_min_error_statement = panic");
    await db.query("set log_statement = none");
    await db.query("set pg_stat_statements.track_utility = off");
    await db.query(`alter role ${db.escapeIdentifier(user)} password ${db.escapeLiteral(password)}`);
  });
  ops.credentials.master.password = password;
  saveCredentials(ops.config.dataDir, ops.credentials);
  ops.events.record("masterCredentialsReset", id);
}
