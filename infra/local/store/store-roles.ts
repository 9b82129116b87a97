/**
 * The store's roles, made so on every start (and so upgraded in a data
 * directory from before): the owner owns the database and every table and
 * runs the migrations; the app's login owns nothing and gets only the
 * privileges the owner grants it after migrating (lib/store/app-privileges).
 * That is what makes the audit trail append-only against anyone holding the
 * app's URL: only a table's owner can drop or disable its trigger.
 */
import type pg from "pg";
import type { FleetCredentials } from "../pg/credentials";

async function ensureLogin(db: pg.Client, login: { username: string; password: string }): Promise<void> {
  const role = db.escapeIdentifier(login.username);
  const password = db.escapeLiteral(login.password);
  const { rowCount } = await db.query("select 1 from pg_roles where rolname = $1", [login.username]);
  // Neither superuser nor allowed to make roles or databases: each holds exactly what it is granted.
  const attributes = `login nosuperuser nocreaterole nocreatedb password ${password}`;
  await db.query(rowCount ? `alter role ${role} with ${attributes}` : `create role ${role} with ${attributes}`);
}

/** As the store's superuser, connected to the `postgres` database. */
export async function ensureStoreRoles(
  admin: pg.Client,
  store: FleetCredentials["store"],
  database: string,
): Promise<void> {
  await ensureLogin(admin, store.owner);
  await ensureLogin(admin, store.app);
  const owner = admin.escapeIdentifier(store.owner.username);
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [database]);
  if (!rowCount) await admin.query(`create database ${admin.escapeIdentifier(database)} owner ${owner}`);
  else await admin.query(`alter database ${admin.escapeIdentifier(database)} owner to ${owner}`);
}

/** In the store's database: whatever the app's login still owns (a store from before the owner) goes to the owner. */
export async function reassignToOwner(admin: pg.Client, store: FleetCredentials["store"]): Promise<void> {
  const app = admin.escapeIdentifier(store.app.username);
  await admin.query(`reassign owned by ${app} to ${admin.escapeIdentifier(store.owner.username)}`);
}
