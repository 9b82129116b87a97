/**
 * The configuration files of one physical node. Every node gets the same
 * server settings; what differs is its port, whom it follows, and who may
 * connect (a Multi-AZ standby serves only the engine and replication, as on
 * RDS where the standby has no endpoint).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chownFile } from "./ownership";
import type { RunAs } from "./run-as";
import { LOG_FILENAME_PATTERN } from "./server-log-files";
import type { FleetTls } from "./tls";

export type NodeRole = "writer" | "standby" | "replica";

/** The memory-derived server settings of a node (MB, except max_connections): its instance class's. */
export type NodeSizing = {
  sharedBuffersMB: number;
  effectiveCacheSizeMB: number;
  maintenanceWorkMemMB: number;
  workMemMB: number;
  maxConnections: number;
};

export type NodeSettings = {
  dataDir: string;
  name: string;
  port: number;
  role: NodeRole;
  /** Where a standby or replica streams from: host, port, replication credentials, slot. */
  upstream?: { host: string; port: number; user: string; password: string; slot: string };
  /** The writer's synchronous standby, by application_name; empty until the standby streams. */
  synchronousStandby?: string;
  /**
   * A restored node: archive recovery to the end of the WAL it was given (a
   * snapshot's, cut at its stop point), or to `targetTime` (point-in-time
   * restore), then promotion. Never recovery_target = 'immediate': it fails
   * when no record follows the last one.
   */
  recovery?: { restoreCommand: string; targetTime?: string };
  /** Where the logging collector writes its hourly files (absolute; outside the data directory). */
  logDirectory: string;
  /** WAL archiving (instances with automated backups): where each completed segment goes, and how often one completes. */
  archive?: { command: string; timeoutSeconds: number };
  /** Its DB parameter group's values, written after (so over) the engine's own settings. */
  parameters: Record<string, string>;
  runAs: RunAs | undefined;
  sizing: NodeSizing;
};

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;

function serverConf(s: NodeSettings): string {
  const lines: Record<string, string | number> = {
    listen_addresses: quote("127.0.0.1"),
    port: s.port,
    unix_socket_directories: quote(""),
    cluster_name: quote(s.name),
    max_connections: s.sizing.maxConnections,
    shared_buffers: quote(`${s.sizing.sharedBuffersMB}MB`),
    effective_cache_size: quote(`${s.sizing.effectiveCacheSizeMB}MB`),
    maintenance_work_mem: quote(`${s.sizing.maintenanceWorkMemMB}MB`),
    work_mem: quote(`${s.sizing.workMemMB}MB`),
    ssl: "on",
    ssl_cert_file: quote("server.crt"),
    ssl_key_file: quote("server.key"),
    ssl_ca_file: quote("ca.crt"),
    ssl_min_protocol_version: quote("TLSv1.2"),
    password_encryption: quote("scram-sha-256"),
    wal_level: "replica",
    max_wal_senders: 16,
    max_replication_slots: 16,
    // A replica that is gone for good must not fill the disk with retained WAL.
    max_slot_wal_keep_size: quote("2GB"),
    wal_log_hints: "on",
    hot_standby: "on",
    hot_standby_feedback: "on",
    synchronous_commit: "on",
    synchronous_standby_names: quote(s.synchronousStandby ? `"${s.synchronousStandby}"` : ""),
    wal_receiver_status_interval: quote("1s"),
    // After a failover, followers reconnect through the writer endpoint: retry quickly.
    wal_retrieve_retry_interval: quote("500ms"),
    // Keep recent WAL so a replica re-pointed at a promoted standby finds what it still needs.
    wal_keep_size: quote("256MB"),
    track_commit_timestamp: "on",
    // RDS's log files: the collector writes error/postgresql.log.YYYY-MM-DD-HH, a new one each UTC hour (the
    // engine deletes them after three days). Sized rotation is off: it would reopen the same hour's name.
    logging_collector: "on",
    log_directory: quote(s.logDirectory),
    log_filename: quote(LOG_FILENAME_PATTERN),
    log_rotation_age: quote("60min"),
    log_rotation_size: 0,
    log_truncate_on_rotation: "on",
    log_timezone: quote("UTC"),
    log_line_prefix: quote("%m [%p] %q%u@%d "),
    log_connections: "off",
    log_min_duration_statement: 1000,
    // Performance Insights' top SQL: per-statement counters (pg_stat_statements) and query ids in pg_stat_activity.
    // Both need a restart to change; this file is rewritten on every start, so an older data directory gets them too.
    shared_preload_libraries: quote("pg_stat_statements"),
    compute_query_id: "on",
    // RDS's default; the sampler reads statements from pg_stat_activity, which truncates them at this size.
    track_activity_query_size: 4096,
  };
  if (s.upstream) {
    const u = s.upstream;
    const conninfo = [
      `host=${u.host}`,
      `port=${u.port}`,
      `user=${u.user}`,
      `password=${u.password}`,
      "sslmode=verify-full",
      "sslrootcert=ca.crt",
      `application_name=${s.name}`,
      "connect_timeout=3",
    ].join(" ");
    lines.primary_conninfo = quote(conninfo);
    lines.primary_slot_name = quote(u.slot);
    lines.recovery_target_timeline = quote("latest");
  }
  if (s.recovery) {
    lines.restore_command = quote(s.recovery.restoreCommand);
    // A replica's snapshot taken across a failover ends on the newer timeline; its history file is in the copy.
    lines.recovery_target_timeline = quote("latest");
    if (s.recovery.targetTime) {
      lines.recovery_target_time = quote(s.recovery.targetTime);
      lines.recovery_target_action = quote("promote");
    }
  }
  // archive_mode needs a restart, archive_command only a reload: on everywhere, so an instance whose backups
  // are switched on (or a replica promoted) archives at once. A standby runs no command until it is promoted;
  // without automated backups the command discards ("true"), for an empty one would keep every segment.
  lines.archive_mode = "on";
  lines.archive_command = quote(s.archive?.command ?? "true");
  if (s.archive) lines.archive_timeout = s.archive.timeoutSeconds;
  return `# Written by rdsdeck's local engine; rewritten on every start.\n${Object.entries(lines)
    .map(([k, v]) => `${k} = ${v}`)
    .join("\n")}\n`;
}

const PARAMETERS_FILE = "rdsdeck-parameters.conf";

function parametersConf(parameters: Record<string, string>): string {
  const lines = Object.entries(parameters).map(([name, value]) => `${name} = ${quote(value)}`);
  return `# The instance's DB parameter group, written by rdsdeck's local engine.\n${lines.join("\n")}\n`;
}

function hbaConf(role: NodeRole): string {
  const rules = [
    "# Written by rdsdeck's local engine. TLS is required, as with rds.force_ssl = 1.",
    "hostssl replication rdsrepladmin 127.0.0.1/32 scram-sha-256",
    "hostssl all         rdsadmin     127.0.0.1/32 scram-sha-256",
  ];
  if (role !== "standby") rules.push("hostssl all         all          127.0.0.1/32 scram-sha-256");
  rules.push("host    all         all          0.0.0.0/0    reject");
  return `${rules.join("\n")}\n`;
}

export function writeNodeFiles(s: NodeSettings, tls: FleetTls): void {
  const write = (name: string, content: string, mode = 0o600) => {
    const file = path.join(s.dataDir, name);
    writeFileSync(file, content, { mode });
    chownFile(file, s.runAs);
  };
  write("rdsdeck.conf", serverConf(s));
  write(PARAMETERS_FILE, parametersConf(s.parameters));
  write("pg_hba.conf", hbaConf(s.role));
  write("server.crt", tls.serverCertPem);
  write("server.key", tls.serverKeyPem);
  write("ca.crt", tls.caCertPem);
  const main = path.join(s.dataDir, "postgresql.conf");
  const conf = readFileSync(main, "utf8");
  if (!conf.includes("include 'rdsdeck.conf'")) writeFileSync(main, `${conf}\ninclude 'rdsdeck.conf'\n`);
  // Last, so a parameter group's value wins over the engine's default for it.
  const withRds = readFileSync(main, "utf8");
  if (!withRds.includes(`include '${PARAMETERS_FILE}'`))
    writeFileSync(main, `${withRds}include '${PARAMETERS_FILE}'\n`);
  const signal = path.join(s.dataDir, "standby.signal");
  if (s.role === "writer") rmSync(signal, { force: true });
  else write("standby.signal", "");
  // postgres removes recovery.signal itself once it has promoted.
  if (s.recovery) write("recovery.signal", "");
}

export function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION")) && existsSync(path.join(dataDir, "global", "pg_control"));
}
