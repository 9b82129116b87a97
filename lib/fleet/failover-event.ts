/**
 * Reads RDS's Multi-AZ failover events (RDS-EVENT-0013, -0015, -0049 and the
 * standby's recovery, -0052/-0053) by their message, the only part of an
 * event that says which one it is: DescribeEvents carries no event id.
 * The local fleet appends details to the messages (reason, zones, how long
 * writes were unavailable); AWS may not, so every detail is optional.
 */

export type FailoverEventKind = "started" | "promoted" | "recoveryStarted" | "recoveryCompleted" | "completed";

const KINDS: [FailoverEventKind, RegExp][] = [
  ["started", /^A Multi-AZ failover that resulted in the promotion of a standby instance has started\b/i],
  ["promoted", /^The Multi-AZ failover that resulted in the promotion of a standby instance is complete\b/i],
  // RDS-EVENT-0049 says "has completed" — it marks the end, never the start.
  ["completed", /^(A )?Multi-AZ failover has completed\b/i],
  ["recoveryStarted", /^Multi-AZ instance recovery started\b/i],
  ["recoveryCompleted", /^Multi-AZ instance recovery complete(d)?\b/i],
];

/** Where an event falls in a failover, so events with the same Date still sort in the order they happened. */
export const failoverEventOrder: Record<FailoverEventKind, number> = {
  started: 0,
  promoted: 1,
  recoveryStarted: 2,
  recoveryCompleted: 3,
  completed: 4,
};

export function failoverEventKind(message: string): FailoverEventKind | undefined {
  return KINDS.find(([, pattern]) => pattern.test(message.trim()))?.[0];
}

export type FailoverReason = {
  kind: "manual" | "automatic" | "unknown";
  /** e.g. "RebootDBInstance with ForceFailover", "the writer's postgres exited (SIGKILL)". */
  detail: string | undefined;
};

/** "Reason: manual (RebootDBInstance with ForceFailover)." or "Reason: automatic: the writer stopped answering (…)." */
export function parseFailoverReason(message: string): FailoverReason {
  // The cause may itself contain dots (an address), so the reason ends at ". From " or at the end.
  const reason = /\bReason: (.+?)\.(?=\s+From\s|\s*$)/.exec(message)?.[1]?.trim();
  if (!reason) return { kind: "unknown", detail: undefined };
  const manual = /^manual\b\s*(?:\((.*)\)|:\s*(.*))?$/i.exec(reason);
  if (manual) return { kind: "manual", detail: manual[1] ?? manual[2] ?? undefined };
  const automatic = /^automatic\b\s*(?::\s*(.*)|\((.*)\))?$/i.exec(reason);
  if (automatic) return { kind: "automatic", detail: automatic[1] ?? automatic[2] ?? undefined };
  return { kind: "unknown", detail: reason };
}

export type FailoverEndpoint = { availabilityZone: string; node: string | undefined };

/** "From us-east-1a (production-myapp-a) to us-east-1b (production-myapp-b)." */
export function parseFailoverRoute(message: string): { from: FailoverEndpoint; to: FailoverEndpoint } | undefined {
  const m = /\bFrom (\S+?)(?: \(([^)]+)\))? to (\S+?)(?: \(([^)]+)\))?\.?(?:\s|$)/.exec(message);
  if (!m?.[1] || !m[3]) return undefined;
  return { from: { availabilityZone: m[1], node: m[2] }, to: { availabilityZone: m[3], node: m[4] } };
}

/** "Writes were unavailable for 235 ms." (also "1.2 s", "3 seconds"). */
export function parseWritesUnavailableMs(message: string): number | undefined {
  const m = /\bWrites were unavailable for (\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec|seconds?)\b/i.exec(message);
  if (!m?.[1] || !m[2]) return undefined;
  const value = Number(m[1]);
  return Math.round(m[2].toLowerCase().startsWith("m") ? value : value * 1000);
}
