import type { RdsEvent } from "./event-model";
import { type Failover, failoverHistory } from "./failover-history";

/** A reboot, from RDS-EVENT-0004 "DB instance shutdown" to RDS-EVENT-0006 "DB instance restarted". */
export type Reboot = {
  identifier: string;
  at: Date;
  shutdownAt: Date | undefined;
  restartedAt: Date | undefined;
  ongoing: boolean;
};

export type InstanceActivity = { kind: "failover"; failover: Failover } | { kind: "reboot"; reboot: Reboot };

/** A reboot takes seconds; one with no restart recorded after this long lost its event. */
const REBOOT_STALE_MS = 30 * 60_000;

/**
 * The instance's latest operation that the dashboard follows live (a failover
 * or a reboot), read from its events, whatever order they came in.
 */
export function latestActivity(
  events: readonly RdsEvent[],
  identifier: string,
  now = new Date(),
): InstanceActivity | undefined {
  const mine = events.filter((e) => e.sourceIdentifier === identifier);
  const failover = failoverHistory(mine, { now })[0];
  const reboot = latestReboot(mine, identifier, now);
  if (!failover) return reboot && { kind: "reboot", reboot };
  if (!reboot || failover.at >= reboot.at) return { kind: "failover", failover };
  return { kind: "reboot", reboot };
}

function latestReboot(events: readonly RdsEvent[], identifier: string, now: Date): Reboot | undefined {
  const shutdowns = events.filter((e) => /^DB instance shutdown\b/i.test(e.message)).map((e) => e.date);
  const restarts = events.filter((e) => /^DB instance restarted\b/i.test(e.message)).map((e) => e.date);
  const shutdownAt = latest(shutdowns);
  const lastRestart = latest(restarts);
  if (!shutdownAt && !lastRestart) return undefined;
  // A restart belongs to the latest shutdown only if it came at or after it.
  const restartedAt = shutdownAt && lastRestart && lastRestart < shutdownAt ? undefined : lastRestart;
  const at = shutdownAt ?? (lastRestart as Date);
  const ongoing = restartedAt === undefined && now.getTime() - at.getTime() < REBOOT_STALE_MS;
  return { identifier, at, shutdownAt, restartedAt, ongoing };
}

const latest = (dates: Date[]) =>
  dates.reduce<Date | undefined>((max, d) => (max === undefined || d > max ? d : max), undefined);
