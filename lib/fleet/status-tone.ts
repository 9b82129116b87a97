/**
 * Which of four tones a state has, so that every page colours a state the
 * same way: healthy, in progress, in trouble, or inactive (stopped on purpose, no data).
 * Statuses from AWS's "Viewing Amazon RDS DB instance status".
 */
export type StatusTone = "ok" | "progress" | "trouble" | "inactive";

const OK = new Set(["available", "replicating", "OK"]);
const INACTIVE = new Set(["stopped", "INSUFFICIENT_DATA"]);
const TROUBLE = new Set([
  "failed",
  "error",
  "terminated",
  "storage-full",
  "restore-error",
  "inaccessible-encryption-credentials",
  "inaccessible-encryption-credentials-recoverable",
  "insufficient-capacity",
  "ALARM",
]);

/**
 * Tone of a DB instance status, a replication status, or an alarm state.
 * Unknown values read as "in progress": RDS adds transitional states more
 * often than terminal ones.
 */
export function statusTone(status: string): StatusTone {
  if (OK.has(status)) return "ok";
  if (INACTIVE.has(status)) return "inactive";
  if (TROUBLE.has(status) || status.startsWith("incompatible-")) return "trouble";
  return "progress";
}
