/**
 * What the app's role may do in the store, granted by the tables' owner after
 * every migration — default deny: everything is revoked first, so a table a
 * later migration adds is closed until it is listed here. The audit trail is
 * INSERT and SELECT only: with no UPDATE, DELETE or TRUNCATE privilege, and
 * not owning the table (so unable to drop or disable its trigger), the app's
 * role cannot change history even outside rdsdeck's own code.
 */
import "server-only";
import type pg from "pg";

/** Read and written in full by better-auth and the admin pages. */
const READ_WRITE_TABLES = ["dashboard_users", "dashboard_sessions", "dashboard_accounts", "dashboard_verifications"];

/** Per table, exactly what the app does to it. */
const GRANTS: ReadonlyArray<[privileges: string, table: string]> = [
  ...READ_WRITE_TABLES.map((t): [string, string] => ["select, insert, update, delete", t]),
  // Keys are revoked and their last use stamped, never deleted.
  ["select, insert, update", "api_keys"],
  ["select, insert", "audit_entries"],
];

/** Any fixed number shared by every rdsdeck process: "rdsdeck-grants". */
const GRANT_LOCK = "8243118224516510835";

const SEQUENCES = ["api_keys_id_seq", "audit_entries_id_seq"];

/** As the owner: the app's role gets exactly GRANTS, and nothing it may have held before. */
export async function grantAppPrivileges(owner: pg.Client, appRole: string): Promise<void> {
  const app = owner.escapeIdentifier(appRole);
  await owner.query("begin");
  try {
    // Several app processes start at once; concurrent GRANTs on one table fail ("tuple concurrently updated").
    await owner.query("select pg_advisory_xact_lock($1)", [GRANT_LOCK]);
    await owner.query(`revoke all on all tables in schema public from ${app}`);
    await owner.query(`revoke all on all sequences in schema public from ${app}`);
    await owner.query(`revoke create on schema public from ${app}`);
    await owner.query(`grant usage on schema public to ${app}`);
    for (const [privileges, table] of GRANTS) await owner.query(`grant ${privileges} on ${table} to ${app}`);
    await owner.query(`grant usage on sequence ${SEQUENCES.join(", ")} to ${app}`);
    await owner.query("commit");
  } catch (error) {
    await owner.query("rollback");
    throw error;
  }
}
