/**
 * What an instance page follows: from the server's view (status, the latest
 * reboot or failover its events show, server time) and the action this page
 * started, if any. Pure, so the rule is tested apart from React.
 */
import type { InstanceAction } from "./instance-actions";
import type { InstanceActivity } from "./instance-activity";
import { statusTone } from "./status-tone";

/** RDS's events may lag the API's answer; until one shows, the action counts as in flight for this long. */
const AWAIT_EVENTS_MS = 30_000;
/** An operation that ended this recently still shows its outcome, even if this page did not start it (automatic failover). */
const RECENT_MS = 10 * 60_000;
/** The app server's and the RDS API's clocks may differ a little. */
const CLOCK_SLACK_MS = 5_000;

const startOf = (a: InstanceActivity) => (a.kind === "failover" ? a.failover.at : a.reboot.at).getTime();
const endOf = (a: InstanceActivity) =>
  (a.kind === "failover"
    ? (a.failover.completedAt ?? a.failover.promotedAt ?? a.failover.at)
    : (a.reboot.restartedAt ?? a.reboot.at)
  ).getTime();
const isOngoing = (a: InstanceActivity) => (a.kind === "failover" ? a.failover.ongoing : a.reboot.ongoing);

export type FollowInput = {
  status: string;
  latest: InstanceActivity | undefined;
  /** Server time of the render, ms. */
  serverNow: number;
  /** The action this page started, and when it asked (server clock), if it did. */
  tracked: { action: InstanceAction; requestedAt: number } | undefined;
};

export function followActivity({ status, latest, serverNow, tracked }: FollowInput): {
  /** The activity to show: the tracked action's once its events arrived, one still running, or one just ended. */
  activity: InstanceActivity | undefined;
  /** Whether the page should refresh quickly. */
  busy: boolean;
} {
  // Only reboots and failovers have phase events to wait for; the other actions are followed by their status.
  const kind =
    tracked?.action === "reboot" ? "reboot" : tracked?.action === "reboot-with-failover" ? "failover" : undefined;
  const since = (a: InstanceActivity) => tracked !== undefined && startOf(a) >= tracked.requestedAt - CLOCK_SLACK_MS;
  const matched = latest !== undefined && latest.kind === kind && since(latest);
  const ongoing = latest !== undefined && isOngoing(latest);
  const awaitingEvents =
    kind !== undefined && tracked !== undefined && !matched && serverNow - tracked.requestedAt < AWAIT_EVENTS_MS;
  // Transitional statuses (rebooting, modifying…) poll fast; failed or stopped ones may stay so for hours.
  const busy = statusTone(status) === "progress" || ongoing || awaitingEvents;
  const recent = latest !== undefined && serverNow - endOf(latest) < RECENT_MS;
  // While this page follows its own action, an operation that began before it asked is another one: its progress
  // (a replica's recovery still running as a promotion is asked for) or its outcome would only mislead.
  const shown = matched || (ongoing && (tracked === undefined || since(latest))) || (tracked === undefined && recent);
  return { activity: shown ? latest : undefined, busy };
}
