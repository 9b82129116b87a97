/**
 * rdsdeck's own store, locally: one more PostgreSQL server, `rdsdeck-store`,
 * for dashboard users, sessions, API keys and the audit trail. It is not part
 * of the RDS fleet (no instance, no endpoint in DescribeDBInstances, no
 * replication) and shares nothing with it but the binaries and the CA, so a
 * writer that is down or failing over cannot take sign-in or the audit with it.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pino from "pino";
import { assertPortsFree } from "../engine/ports";
import type { Progress } from "../log";
import { locateBinaries } from "../pg/binaries";
import type { FleetCredentials } from "../pg/credentials";
import { initdb } from "../pg/initdb";
import { logPointer } from "../pg/log-tail";
import { isInitialised } from "../pg/node-files";
import { chownFile } from "../pg/ownership";
import { Postmaster, reclaimStalePostmaster } from "../pg/postmaster";
import { resolveRunAs } from "../pg/run-as";
import { SLOW_STATEMENT_TIMEOUT_MS, waitAccepting, withNode } from "../pg/sql-client";
import { ensureFleetTls, type FleetTls } from "../pg/tls";
import { ensureStoreRoles, reassignToOwner } from "./store-roles";

export const STORE_NAME = "rdsdeck-store";
export const STORE_DATABASE = "rdsdeck";

export type LocalStoreOptions = {
  dataDir: string;
  host: string;
  port: number;
  pgUser: string;
  credentials: FleetCredentials;
  log: pino.Logger;
  progress?: Progress;
};

export type LocalStore = { host: string; port: number; stop(): Promise<void>; crash(): void };

const START_TIMEOUT_MS = 60_000;
const RESTART_DELAY_MS = 1_000;

export const storeDataDir = (dataDir: string) => path.join(dataDir, "store", "pgdata");

/** Starts the store (creating it on first run) and keeps it running until stop(). */
export async function startLocalStore(o: LocalStoreOptions): Promise<LocalStore> {
  const progress = o.progress ?? (() => {});
  const runAs = resolveRunAs(o.pgUser);
  const root = path.join(o.dataDir, "store");
  mkdirSync(root, { recursive: true, mode: runAs ? 0o711 : 0o700 });
  mkdirSync(path.join(o.dataDir, "logs"), { recursive: true, mode: 0o755 });
  const pgData = storeDataDir(o.dataDir);
  const tls = await ensureFleetTls(o.dataDir);
  const bin = locateBinaries(o.dataDir, runAs);
  const { admin, owner, app } = o.credentials.store;
  const address = { host: o.host, port: o.port };
  const logFile = path.join(o.dataDir, "logs", `${STORE_NAME}.log`);

  if (existsSync(pgData)) reclaimStalePostmaster(pgData);
  await assertPortsFree(o.host, [{ port: o.port, purpose: "rdsdeck's store" }], "Set RDSDECK_PORT_BASE to move it.");
  const fresh = !isInitialised(pgData);
  if (fresh) {
    progress(`store ${STORE_NAME}: initdb`);
    await initdb(bin, pgData, admin, runAs);
  }
  writeStoreFiles(pgData, o.port, tls, runAs);

  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  const postmaster: Postmaster = new Postmaster(
    STORE_NAME,
    pgData,
    bin,
    runAs,
    { path: logFile, each: "append" },
    (info) => {
      if (stopping) return;
      // Sign-in and the audit depend on it: bring it back, as the engine does for a standby.
      o.log.error({ node: STORE_NAME, code: info.code, signal: info.signal }, "store postgres exited; restarting");
      progress(`!! store ${STORE_NAME} exited (${info.signal ?? `code ${info.code}`}); restarting`);
      restart = setTimeout(() => {
        if (!stopping) postmaster.start();
      }, RESTART_DELAY_MS);
    },
  );
  postmaster.start();
  await waitAccepting(address, admin, tls.caCertPem, START_TIMEOUT_MS, () => postmaster.running).catch((error) => {
    throw new Error(`the store failed to start: ${(error as Error).message}; ${logPointer(logFile)}`);
  });
  progress(
    `store ${STORE_NAME}: roles ${owner.username} (owner) and ${app.username} (app), database ${STORE_DATABASE}`,
  );
  const options = { queryTimeoutMs: SLOW_STATEMENT_TIMEOUT_MS };
  await withNode(
    address,
    admin,
    tls.caCertPem,
    (db) => ensureStoreRoles(db, o.credentials.store, STORE_DATABASE),
    options,
  );
  await withNode(address, admin, tls.caCertPem, (db) => reassignToOwner(db, o.credentials.store), {
    ...options,
    database: STORE_DATABASE,
  });
  progress(`store ${STORE_NAME}: ready on port ${o.port}`);
  return {
    host: o.host,
    port: o.port,
    crash: () => postmaster.crash(),
    stop: async () => {
      stopping = true;
      clearTimeout(restart);
      await postmaster.stop();
    },
  };
}

/** The store's settings: loopback only, TLS required, scram everywhere, no replication. */
function writeStoreFiles(pgData: string, port: number, tls: FleetTls, runAs: ReturnType<typeof resolveRunAs>) {
  const write = (name: string, content: string) => {
    const file = path.join(pgData, name);
    writeFileSync(file, content, { mode: 0o600 });
    chownFile(file, runAs);
  };
  const conf = {
    listen_addresses: "'127.0.0.1'",
    port,
    unix_socket_directories: "''",
    cluster_name: `'${STORE_NAME}'`,
    max_connections: 100,
    shared_buffers: "'32MB'",
    ssl: "on",
    ssl_cert_file: "'server.crt'",
    ssl_key_file: "'server.key'",
    ssl_ca_file: "'ca.crt'",
    ssl_min_protocol_version: "'TLSv1.2'",
    password_encryption: "'scram-sha-256'",
    wal_level: "minimal",
    max_wal_senders: 0,
    log_line_prefix: "'%m [%p] %q%u@%d '",
    log_min_duration_statement: 1000,
  };
  write(
    "rdsdeck.conf",
    `# Written by rdsdeck's local store; rewritten on every start.\n${Object.entries(conf)
      .map(([k, v]) => `${k} = ${v}`)
      .join("\n")}\n`,
  );
  write(
    "pg_hba.conf",
    [
      "# Written by rdsdeck's local store. TLS is required.",
      "hostssl all all 127.0.0.1/32 scram-sha-256",
      "host    all all 0.0.0.0/0    reject",
      "",
    ].join("\n"),
  );
  write("server.crt", tls.serverCertPem);
  write("server.key", tls.serverKeyPem);
  write("ca.crt", tls.caCertPem);
  const main = path.join(pgData, "postgresql.conf");
  const text = readFileSync(main, "utf8");
  if (!text.includes("include 'rdsdeck.conf'")) writeFileSync(main, `${text}\ninclude 'rdsdeck.conf'\n`);
}

type StoreAddress = { host: string; port: number; caCertPath: string; credentials: FleetCredentials };

function urlAs(login: { username: string; password: string }, o: StoreAddress): string {
  const ca = encodeURIComponent(o.caCertPath);
  return `postgres://${login.username}:${encodeURIComponent(login.password)}@${o.host}:${o.port}/${STORE_DATABASE}?sslmode=verify-full&sslrootcert=${ca}`;
}

/** The app's URL for the store: TLS verified against the fleet CA, as every other connection. */
export const storeUrl = (o: StoreAddress): string => urlAs(o.credentials.store.app, o);

/** The owner's URL, for migrations only (RDSDECK_STORE_OWNER_URL). */
export const storeOwnerUrl = (o: StoreAddress): string => urlAs(o.credentials.store.owner, o);
