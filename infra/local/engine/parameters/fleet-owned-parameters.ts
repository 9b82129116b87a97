/**
 * Parameters the local engine itself must keep: where a node listens, its
 * files and TLS, replication and Multi-AZ wiring, WAL archiving (backups and
 * point-in-time restore), and the log files DescribeDBLogFiles serves. RDS
 * likewise keeps such parameters to itself; here they are IsModifiable=false
 * and a change to one is refused naming it.
 */
const OWNED = new Set([
  "port",
  "listen_addresses",
  "unix_socket_directories",
  "unix_socket_group",
  "unix_socket_permissions",
  "data_directory",
  "config_file",
  "hba_file",
  "ident_file",
  "external_pid_file",
  "cluster_name",
  "ssl",
  "password_encryption",
  "wal_level",
  "max_wal_senders",
  "max_replication_slots",
  "max_slot_wal_keep_size",
  "wal_keep_size",
  "wal_log_hints",
  "hot_standby",
  "hot_standby_feedback",
  "synchronous_standby_names",
  "primary_conninfo",
  "primary_slot_name",
  "restore_command",
  "archive_mode",
  "archive_command",
  "archive_library",
  "archive_timeout",
  "archive_cleanup_command",
  "promote_trigger_file",
  "wal_receiver_status_interval",
  "wal_retrieve_retry_interval",
  "logging_collector",
  "log_directory",
  "log_filename",
  "log_rotation_age",
  "log_rotation_size",
  "log_truncate_on_rotation",
  "log_timezone",
  "log_destination",
  "log_line_prefix",
  "compute_query_id",
  "track_commit_timestamp",
  "fsync",
  "full_page_writes",
  "data_sync_retry",
  "restart_after_crash",
  "zero_damaged_pages",
  "ignore_system_indexes",
  "allow_system_table_mods",
]);

/** Whole families: TLS files and protocol, and every recovery target. */
const OWNED_PREFIXES = ["ssl_", "recovery_"];

/** Why a parameter cannot be changed, or undefined when it can be. */
export function fleetOwnedReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (OWNED.has(lower) || OWNED_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
    return `The parameter ${name} cannot be modified.`;
  }
  return undefined;
}

/** Libraries the fleet needs loaded: Performance Insights reads pg_stat_statements. */
export const REQUIRED_PRELOAD_LIBRARIES = ["pg_stat_statements"] as const;
